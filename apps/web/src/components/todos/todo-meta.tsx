"use client";

import type { Todo } from "@repo/api-client";
import { ColorDot } from "../organize/color-picker";
import { useOrganizers } from "../organize/organizers-context";
import { formatDue } from "./due";
import { CalendarIcon, FlagIcon } from "./icons";
import { priorityName } from "./todo-fields";
import { isOverdue } from "./todo-list-state";

interface Props {
  todo: Todo;
  now: number;
  /** The list shows one project: its name need not be repeated on every todo. */
  showProject: boolean;
}

/** Under a todo's title: its due date (overdue ones marked), priority, project and labels. */
export function TodoMeta({ todo, now, showProject }: Props) {
  const { projectById, labelById } = useOrganizers();
  const project = todo.projectId === null ? undefined : projectById.get(todo.projectId);
  const labels = todo.labelIds.flatMap((id) => labelById.get(id) ?? []);
  const overdue = isOverdue(todo, now);
  const hasPriority = todo.priority !== "normal";
  if (!todo.dueAt && !hasPriority && !(showProject && project) && labels.length === 0) return null;
  return (
    <div className="todo-meta">
      {todo.dueAt && (
        <span className={overdue ? "due overdue" : "due"}>
          <CalendarIcon />
          {overdue ? "Overdue · " : <span className="visually-hidden">Due </span>}
          {formatDue(todo.dueAt, now)}
        </span>
      )}
      {hasPriority && (
        <span className="priority" data-priority={todo.priority}>
          <FlagIcon />
          {priorityName(todo.priority)}
          <span className="visually-hidden"> priority</span>
        </span>
      )}
      {showProject && project && (
        <span className="project-tag">
          <ColorDot color={project.color} />
          <span className="visually-hidden">Project: </span>
          {project.name}
        </span>
      )}
      {labels.map((label) => (
        <span key={label.id} className="chip" data-color={label.color}>
          <span className="visually-hidden">Label: </span>
          {label.name}
        </span>
      ))}
    </div>
  );
}
