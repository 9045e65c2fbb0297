"use client";

import type { Todo, TodoPatchBody } from "@repo/api-client";
import { useEffect, useRef, useState } from "react";
import { PencilIcon, TrashIcon } from "./icons";
import { TodoEditForm } from "./todo-edit-form";
import { TodoMeta } from "./todo-meta";

export const checkboxId = (todo: Todo) => `todo-${todo.id}-done`;

interface Props {
  todo: Todo;
  onUpdate: (todo: Todo, patch: TodoPatchBody) => void;
  onDelete: (todo: Todo) => void;
  /** When the list was loaded: what "overdue" and "today" are measured from. */
  now: number;
  showProject: boolean;
}

/** One todo: its checkbox (named by the title), title, description, details, Edit and Delete. */
export function TodoItem({ todo, onUpdate, onDelete, now, showProject }: Props) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const titleId = `todo-${todo.id}-title`;

  // Back from editing, the keyboard continues where it left off: on this todo's Edit button.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return (
      <li className="todo editing">
        <TodoEditForm
          todo={todo}
          onCancel={() => setEditing(false)}
          onSave={(patch) => {
            setEditing(false);
            onUpdate(todo, patch);
          }}
        />
      </li>
    );
  }

  return (
    <li className={todo.completed ? "todo done" : "todo"}>
      <input
        type="checkbox"
        id={checkboxId(todo)}
        className="check"
        data-priority={todo.priority}
        checked={todo.completed}
        onChange={(event) => onUpdate(todo, { completed: event.target.checked })}
        aria-labelledby={titleId}
      />
      <div className="todo-text">
        <span id={titleId} className="todo-title" title={todo.title}>
          {todo.title}
        </span>
        {todo.description && <p className="todo-description">{todo.description}</p>}
        <TodoMeta todo={todo} now={now} showProject={showProject} />
      </div>
      <div className="todo-actions">
        <button
          ref={editButton}
          type="button"
          className="icon-button"
          aria-label={`Edit "${todo.title}"`}
          onClick={() => setEditing(true)}
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          className="icon-button danger"
          aria-label={`Delete "${todo.title}"`}
          onClick={() => onDelete(todo)}
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}
