"use client";

import { PRIORITIES, type Priority } from "@repo/contracts/todo";
import { useId } from "react";
import { useOrganizers } from "../organize/organizers-context";

/** A todo's fields beyond its text, as the forms hold them. */
export interface FieldValues {
  /** `YYYY-MM-DD`, or "" for no due date. */
  date: string;
  /** `HH:MM`, or "" for the whole day. */
  time: string;
  priority: Priority;
  projectId: string | null;
  labelIds: string[];
}

export const priorityName = (priority: Priority) => priority[0]?.toUpperCase() + priority.slice(1);

interface Props {
  values: FieldValues;
  onChange: (change: Partial<FieldValues>) => void;
  /** The edit form also takes a time and the labels. */
  full?: boolean;
}

/** Due date (and time), priority, project and labels: compact native controls, each labelled. */
export function TodoFields({ values, onChange, full = false }: Props) {
  const id = useId();
  const { projects, labels } = useOrganizers();
  // An archived project stays selectable for the todo already in it.
  const choices = projects.filter((p) => !p.archived || p.id === values.projectId);
  return (
    <div className="todo-fields">
      <div className="field-inline">
        <label htmlFor={`${id}-date`}>Due date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={values.date}
          onChange={(event) => onChange({ date: event.target.value })}
        />
      </div>
      {full && (
        <div className="field-inline">
          <label htmlFor={`${id}-time`}>Time</label>
          <input
            id={`${id}-time`}
            type="time"
            value={values.time}
            disabled={values.date === ""}
            onChange={(event) => onChange({ time: event.target.value })}
          />
        </div>
      )}
      <div className="field-inline">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select
          id={`${id}-priority`}
          value={values.priority}
          data-priority={values.priority}
          onChange={(event) => onChange({ priority: event.target.value as Priority })}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {priorityName(priority)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-project`}>Project</label>
        <select
          id={`${id}-project`}
          value={values.projectId ?? ""}
          onChange={(event) => onChange({ projectId: event.target.value || null })}
        >
          <option value="">No project</option>
          {choices.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
      </div>
      {full && labels.length > 0 && (
        <fieldset className="label-picker">
          <legend>Labels</legend>
          {labels.map((label) => {
            const checked = values.labelIds.includes(label.id);
            return (
              <label key={label.id} className="chip toggle" data-color={label.color}>
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() =>
                    onChange({
                      labelIds: checked
                        ? values.labelIds.filter((x) => x !== label.id)
                        : [...values.labelIds, label.id],
                    })
                  }
                />
                {label.name}
              </label>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
