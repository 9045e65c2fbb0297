"use client";

import {
  API_KEY_EXPIRY_DAYS,
  API_KEY_NAME_MAX_LENGTH,
  API_SCOPES,
  type ApiKeyExpiryDays,
  type ApiScope,
  isApiScope,
} from "@repo/auth/api-key-policy";
import { type FormEvent, useId, useState } from "react";
import type { AuthClientError } from "./describe-key-error";
import { describeKeyError, leaveIfSignedOut } from "./describe-key-error";
import { SCOPE_TEXT } from "./scope-text";
import type { CreatedKey, NewKeyRequest } from "./use-api-keys";

const DEFAULT_EXPIRY: ApiKeyExpiryDays = 30;

const expiryLabel = (days: number) => (days === 365 ? "1 year" : `${days} days`);

/** Checks what the browser can before asking the server; null when the request may go. */
function invalid(request: NewKeyRequest): string | null {
  if (request.name === "") return "Give the key a name.";
  if ([...request.name].length > API_KEY_NAME_MAX_LENGTH)
    return `Use a name of at most ${API_KEY_NAME_MAX_LENGTH} characters.`;
  if (request.scopes.length === 0) return "Choose at least one scope: Read, Write or both.";
  return null;
}

function readForm(form: HTMLFormElement): NewKeyRequest {
  const data = new FormData(form);
  const days = Number(data.get("expiresInDays"));
  return {
    name: String(data.get("name") ?? "").trim(),
    expiresInDays: API_KEY_EXPIRY_DAYS.find((option) => option === days) ?? DEFAULT_EXPIRY,
    scopes: data
      .getAll("scopes")
      .map(String)
      .filter((scope): scope is ApiScope => isApiScope(scope)),
  };
}

/** "New API key": a name, an expiry, the scopes (Read by default); hands the created key up. */
export function CreateKeyForm({
  create,
  onCreated,
}: {
  create: (
    request: NewKeyRequest,
  ) => Promise<{ data: CreatedKey; error: null } | { data: null; error: AuthClientError }>;
  onCreated: (key: CreatedKey) => void;
}) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const request = readForm(form);
    const problem = invalid(request);
    if (problem) {
      setError(problem);
      return;
    }
    setPending(true);
    setError(null);
    const { data, error } = await create(request);
    setPending(false);
    if (error) {
      if (!leaveIfSignedOut(error)) setError(describeKeyError("Couldn't create the key", error));
      return;
    }
    form.reset();
    onCreated(data);
  }

  return (
    <form
      className="key-form"
      aria-labelledby={`${id}-title`}
      aria-describedby={error ? `${id}-error` : undefined}
      onSubmit={onSubmit}
      noValidate
    >
      <h2 id={`${id}-title`}>New API key</h2>
      <div className="key-form-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            maxLength={API_KEY_NAME_MAX_LENGTH}
            placeholder="e.g. Backup script"
            autoComplete="off"
            required
            aria-describedby={`${id}-name-hint`}
          />
          <p id={`${id}-name-hint`} className="hint">
            What you'll recognise it by, up to {API_KEY_NAME_MAX_LENGTH} characters.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expiry`}>Expires after</label>
          <select id={`${id}-expiry`} name="expiresInDays" defaultValue={DEFAULT_EXPIRY}>
            {API_KEY_EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {expiryLabel(days)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="scope-choices">
        <legend>Scopes</legend>
        {API_SCOPES.map((scope) => (
          <div key={scope} className="scope-choice">
            <input
              id={`${id}-${scope}`}
              type="checkbox"
              name="scopes"
              value={scope}
              defaultChecked={scope === "todos:read"}
              aria-describedby={`${id}-${scope}-text`}
            />
            <label htmlFor={`${id}-${scope}`}>
              {SCOPE_TEXT[scope].label} <code>{scope}</code>
            </label>
            <p id={`${id}-${scope}-text`} className="hint">
              {SCOPE_TEXT[scope].description}
            </p>
          </div>
        ))}
      </fieldset>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button primary" aria-busy={pending}>
          {pending && <span className="spinner" aria-hidden="true" />}
          Create key
        </button>
      </div>
    </form>
  );
}
