"use client";

import type { Color } from "@repo/api-client";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { ColorPicker } from "./color-picker";
import type { FormResult } from "./use-named-items";

export interface NamedValues {
  name: string;
  color: Color;
  /** Projects only. */
  archived?: boolean;
}

interface Props {
  /** The form's accessible name: `New project`, `Edit label "errand"`. */
  label: string;
  initial: NamedValues;
  maxLength: number;
  submitText: string;
  /** Saves; a non-null result is shown beside the form, which stays open. */
  onSubmit: (values: NamedValues) => Promise<FormResult>;
  onCancel: () => void;
  /** Shows an "Archived" checkbox (projects). */
  archivable?: boolean;
  /** A Delete button, at the start of the actions row. */
  deleteAction?: ReactNode;
}

/** A name and a colour, for creating or editing a project or label: Enter saves, Escape cancels. */
export function NamedItemForm({ label, initial, maxLength, submitText, ...props }: Props) {
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [color, setColor] = useState(initial.color);
  const [archived, setArchived] = useState(initial.archived ?? false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const clean = name.trim();
    if (clean === "") {
      setError("Give it a name.");
      return;
    }
    setSaving(true);
    const result = await props.onSubmit(
      props.archivable ? { name: clean, color, archived } : { name: clean, color },
    );
    setSaving(false);
    setError(result);
  }

  return (
    <form
      className="named-form"
      aria-label={label}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        props.onCancel();
      }}
      noValidate
    >
      <label className="visually-hidden" htmlFor={`${id}-name`}>
        Name
      </label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder="Name"
        maxLength={maxLength}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the user just asked for this form; typing goes here
        autoFocus
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <ColorPicker value={color} onChange={setColor} />
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
      {props.archivable && (
        <label className="check-row">
          <input
            type="checkbox"
            checked={archived}
            onChange={(event) => setArchived(event.target.checked)}
          />
          Archived
        </label>
      )}
      <div className="named-form-actions">
        {props.deleteAction}
        <button type="button" className="button ghost small" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary small" aria-busy={saving}>
          {submitText}
        </button>
      </div>
    </form>
  );
}
