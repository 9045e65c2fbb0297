"use client";

import type { Todo, TodoPatchBody } from "@repo/api-client";
import { DESCRIPTION_MAX, TITLE_MAX } from "@repo/contracts/todo";
import { type FormEvent, useId, useState } from "react";
import { fromDueAt, toDueAt } from "./due";
import { submitOnEnter } from "./submit-on-enter";
import { type FieldValues, TodoFields } from "./todo-fields";

interface Props {
  todo: Todo;
  /** Called with only what changed; the caller saves it (optimistically). */
  onSave: (patch: TodoPatchBody) => void;
  onCancel: () => void;
}

/** Editing a todo in place: Enter saves, Escape cancels. */
export function TodoEditForm({ todo, onSave, onCancel }: Props) {
  const id = useId();
  const [title, setTitle] = useState(todo.title);
  const [description, setDescription] = useState(todo.description ?? "");
  const [fields, setFields] = useState<FieldValues>(() => ({
    ...fromDueAt(todo.dueAt),
    priority: todo.priority,
    projectId: todo.projectId,
    labelIds: todo.labelIds,
  }));
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cleanTitle = title.trim();
    if (cleanTitle === "") {
      setError("The title can't be empty.");
      return;
    }
    const cleanDescription = description.trim() === "" ? null : description.trim();
    const patch: TodoPatchBody = {};
    if (cleanTitle !== todo.title) patch.title = cleanTitle;
    if (cleanDescription !== todo.description) patch.description = cleanDescription;
    const dueAt = toDueAt(fields.date, fields.time);
    if (dueAt !== todo.dueAt) patch.dueAt = dueAt;
    if (fields.priority !== todo.priority) patch.priority = fields.priority;
    if (fields.projectId !== todo.projectId) patch.projectId = fields.projectId;
    const labelIds = [...fields.labelIds].sort();
    if (labelIds.join() !== todo.labelIds.join()) patch.labelIds = labelIds;
    if (Object.keys(patch).length === 0) onCancel();
    else onSave(patch);
  }

  return (
    <form
      className="edit-form"
      aria-label={`Edit "${todo.title}"`}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onCancel();
      }}
      noValidate
    >
      <label className="visually-hidden" htmlFor={`${id}-title`}>
        Title
      </label>
      <input
        id={`${id}-title`}
        className="edit-title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        maxLength={TITLE_MAX}
        placeholder="Title"
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this todo; typing goes here
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label className="visually-hidden" htmlFor={`${id}-description`}>
        Description
      </label>
      <textarea
        id={`${id}-description`}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        onKeyDown={submitOnEnter}
        maxLength={DESCRIPTION_MAX}
        placeholder="Add details"
        rows={2}
      />
      <TodoFields
        values={fields}
        onChange={(change) => setFields((current) => ({ ...current, ...change }))}
        full
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="edit-actions">
        <span className="hint">Enter to save · Esc to cancel</span>
        <button type="button" className="button ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Save
        </button>
      </div>
    </form>
  );
}
