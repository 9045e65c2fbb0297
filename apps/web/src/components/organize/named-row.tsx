"use client";

import { useEffect, useRef, useState } from "react";
import { PencilIcon } from "../todos/icons";
import { ColorDot } from "./color-picker";
import { NamedItemForm, type NamedValues } from "./named-item-form";
import type { FormResult, Named } from "./use-named-items";

interface Props<T extends Named & { archived?: boolean }> {
  item: T;
  /** "project" or "label": names the Edit button and the form. */
  noun: string;
  maxLength: number;
  selected: boolean;
  onSelect: () => void;
  /** Saves what changed (only that). */
  onSave: (item: T, patch: Partial<NamedValues>) => Promise<FormResult>;
  onDelete: (item: T) => Promise<FormResult>;
  /** Asked before deleting (a label's delete is final); without it, Delete acts at once. */
  confirmDelete?: string;
}

/** A project or label in the sidebar: a toggle that filters the list, and Edit in place. */
export function NamedRow<T extends Named & { archived?: boolean }>(props: Props<T>) {
  const { item, noun } = props;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Back from editing, the keyboard continues on this row's Edit button.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const close = () => {
    setEditing(false);
    setConfirming(false);
    setDeleteError(null);
  };

  async function save(values: NamedValues): Promise<FormResult> {
    const patch: Partial<NamedValues> = {};
    if (values.name !== item.name) patch.name = values.name;
    if (values.color !== item.color) patch.color = values.color;
    if (values.archived !== undefined && values.archived !== item.archived)
      patch.archived = values.archived;
    const result = Object.keys(patch).length === 0 ? null : await props.onSave(item, patch);
    if (result === null) close();
    return result;
  }

  async function remove() {
    if (props.confirmDelete && !confirming) {
      setConfirming(true);
      return;
    }
    const result = await props.onDelete(item);
    setDeleteError(result);
  }

  if (editing) {
    return (
      <li className="nav-row editing">
        <NamedItemForm
          label={`Edit ${noun} "${item.name}"`}
          initial={item}
          maxLength={props.maxLength}
          archivable={item.archived !== undefined}
          submitText="Save"
          onSubmit={save}
          onCancel={close}
          deleteAction={
            <button type="button" className="button ghost danger small" onClick={remove}>
              {confirming ? `Delete ${noun} for good` : "Delete"}
            </button>
          }
        />
        {confirming && (
          <p role="alert" className="hint confirm-text">
            {props.confirmDelete}
          </p>
        )}
        {deleteError && (
          <p role="alert" className="field-error">
            {deleteError}
          </p>
        )}
      </li>
    );
  }

  return (
    <li className="nav-row">
      <button
        type="button"
        className="nav-item"
        aria-pressed={props.selected}
        onClick={props.onSelect}
      >
        <ColorDot color={item.color} />
        <span className="nav-name">{item.name}</span>
      </button>
      <button
        ref={editButton}
        type="button"
        className="icon-button small nav-edit"
        aria-label={`Edit ${noun} "${item.name}"`}
        onClick={() => setEditing(true)}
      >
        <PencilIcon />
      </button>
    </li>
  );
}
