"use client";

import type { TodoInputBody } from "@repo/api-client";
import { DESCRIPTION_MAX, TITLE_MAX } from "@repo/contracts/todo";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { toDueAt } from "./due";
import { newIdempotencyKey } from "./idempotency-key";
import { submitOnEnter } from "./submit-on-enter";
import { type FieldValues, TodoFields } from "./todo-fields";

interface Props {
  onCreate: (input: TodoInputBody, idempotencyKey: string) => Promise<boolean>;
  /** The project the list shows (a new todo goes there), and the labels it filters by (it gets them). */
  projectId: string | null;
  labelIds: string[];
}

const blankFields = (projectId: string | null): FieldValues => ({
  date: "",
  time: "",
  priority: "normal",
  projectId,
  labelIds: [],
});

/** The "New todo" form: title, an optional description, due date, priority and project. */
export function CreateTodoForm({ onCreate, projectId, labelIds }: Props) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [fields, setFields] = useState(() => blankFields(projectId));
  const [error, setError] = useState<string | null>(null);
  // Picking another project in the sidebar makes it the new todo's project.
  useEffect(() => setFields((current) => ({ ...current, projectId })), [projectId]);
  const titleInput = useRef<HTMLInputElement>(null);
  const inFlight = useRef(0);
  // One Idempotency-Key per submission. Resubmitting the same text after a failure (the request
  // may have reached the server) reuses it, so a retry can never create a second todo.
  const lastKey = useRef<{ body: string; key: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cleanTitle = title.trim();
    if (cleanTitle === "") {
      // A second click while the first submission runs (the form is already cleared): ignore it.
      if (inFlight.current > 0) return;
      setError("Give your todo a title.");
      titleInput.current?.focus();
      return;
    }
    const cleanDescription = description.trim() === "" ? null : description.trim();
    const input: TodoInputBody = {
      title: cleanTitle,
      description: cleanDescription,
      dueAt: toDueAt(fields.date, ""),
      priority: fields.priority,
      projectId: fields.projectId,
      labelIds,
    };
    const body = JSON.stringify(input);
    if (lastKey.current?.body !== body) lastKey.current = { body, key: newIdempotencyKey() };
    const { key } = lastKey.current;
    // Cleared at once, so the next todo can be typed while this one is saved.
    const sent = fields;
    setError(null);
    setTitle("");
    setDescription("");
    setFields(blankFields(projectId));
    inFlight.current += 1;
    const created = await onCreate(input, key);
    inFlight.current -= 1;
    if (created) {
      if (lastKey.current?.key === key) lastKey.current = null;
      return;
    }
    // Give the text back (unless something new was typed meanwhile) so it can be sent again.
    setTitle((current) => current || cleanTitle);
    setDescription((current) => current || (cleanDescription ?? ""));
    setFields(sent);
  }

  return (
    <form className="card create-form" aria-label="New todo" onSubmit={onSubmit} noValidate>
      <label className="visually-hidden" htmlFor={`${id}-title`}>
        Title
      </label>
      <input
        id={`${id}-title`}
        ref={titleInput}
        className="create-title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        placeholder="What needs doing?"
        maxLength={TITLE_MAX}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label className="visually-hidden" htmlFor={`${id}-description`}>
        Description (optional)
      </label>
      <textarea
        id={`${id}-description`}
        className="create-description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        onKeyDown={submitOnEnter}
        placeholder="Add details (optional)"
        rows={1}
        maxLength={DESCRIPTION_MAX}
      />
      <div className="create-footer">
        <TodoFields
          values={fields}
          onChange={(change) => setFields((current) => ({ ...current, ...change }))}
        />
        <button type="submit" className="button primary">
          Add todo
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="field-error create-error">
          {error}
        </p>
      ) : (
        <p className="hint create-hint">Enter to add · Shift+Enter for a new line</p>
      )}
    </form>
  );
}
