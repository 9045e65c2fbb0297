"use client";

import { PRIORITIES, type Priority, type TodoSort } from "@repo/contracts/todo";
import { useId } from "react";
import { priorityName } from "./todo-fields";
import type { DueFilter } from "./todo-list-state";

const DUE: { value: DueFilter; label: string }[] = [
  { value: "any", label: "Any time" },
  { value: "overdue", label: "Overdue" },
  { value: "today", label: "Due today" },
  { value: "week", label: "Next 7 days" },
];

const SORTS: { value: TodoSort; label: string }[] = [
  { value: "-createdAt", label: "Newest first" },
  { value: "createdAt", label: "Oldest first" },
  { value: "dueAt", label: "Due date" },
  { value: "-priority", label: "Priority" },
];

interface Props {
  due: DueFilter;
  priority: Priority | null;
  sort: TodoSort;
  onChange: (change: { due?: DueFilter; priority?: Priority | null; sort?: TodoSort }) => void;
}

/** Due date and priority filters, and the sort: three labelled selects in a group. */
export function ListOptions({ due, priority, sort, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="list-options">
      <legend className="visually-hidden">More filters</legend>
      <div className="option">
        <label htmlFor={`${id}-due`}>Due</label>
        <select
          id={`${id}-due`}
          value={due}
          data-active={due !== "any"}
          onChange={(event) => onChange({ due: event.target.value as DueFilter })}
        >
          {DUE.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="option">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select
          id={`${id}-priority`}
          value={priority ?? ""}
          data-active={priority !== null}
          onChange={(event) =>
            onChange({ priority: (event.target.value || null) as Priority | null })
          }
        >
          <option value="">Any</option>
          {PRIORITIES.toReversed().map((level) => (
            <option key={level} value={level}>
              {priorityName(level)}
            </option>
          ))}
        </select>
      </div>
      <div className="option">
        <label htmlFor={`${id}-sort`}>Sort</label>
        <select
          id={`${id}-sort`}
          value={sort}
          onChange={(event) => onChange({ sort: event.target.value as TodoSort })}
        >
          {SORTS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
