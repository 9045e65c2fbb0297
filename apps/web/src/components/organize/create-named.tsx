"use client";

import { useRef, useState } from "react";
import { PlusIcon } from "../todos/icons";
import { newIdempotencyKey } from "../todos/idempotency-key";
import { NamedItemForm, type NamedValues } from "./named-item-form";
import type { FormResult } from "./use-named-items";

interface Props {
  /** "project" or "label". */
  noun: string;
  maxLength: number;
  onCreate: (values: NamedValues, idempotencyKey: string) => Promise<FormResult>;
}

/** The "New project" / "New label" button beside a sidebar heading, and the form it opens. */
export function CreateNamed({ noun, maxLength, onCreate }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // A retry of the same values after a failure reuses the key: never a second project.
  const lastKey = useRef<{ body: string; key: string } | null>(null);

  function close() {
    setOpen(false);
    lastKey.current = null;
    requestAnimationFrame(() => button.current?.focus());
  }

  async function create(values: NamedValues): Promise<FormResult> {
    const body = JSON.stringify(values);
    if (lastKey.current?.body !== body) lastKey.current = { body, key: newIdempotencyKey() };
    const result = await onCreate(values, lastKey.current.key);
    if (result === null) close();
    return result;
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button small"
        aria-label={`New ${noun}`}
        aria-expanded={open}
        onClick={() => setOpen((current) => !current)}
      >
        <PlusIcon />
      </button>
      {open && (
        <div className="sidebar-create">
          <NamedItemForm
            label={`New ${noun}`}
            initial={{ name: "", color: "gray" }}
            maxLength={maxLength}
            submitText={`Add ${noun}`}
            onSubmit={create}
            onCancel={close}
          />
        </div>
      )}
    </>
  );
}
