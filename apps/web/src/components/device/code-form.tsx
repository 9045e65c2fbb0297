"use client";

import { type FormEvent, useId, useState } from "react";
import { formatUserCode, normalizeUserCode, USER_CODE_LENGTH } from "./user-code";

/**
 * The code the terminal shows, typed (or prefilled from the link): shown as ABCD-EFGH whatever
 * the case or dashes typed; Continue looks it up.
 */
export function CodeForm({
  initialCode,
  error,
  pending,
  onSubmit,
}: {
  initialCode: string;
  error: string | null;
  pending: boolean;
  onSubmit: (userCode: string) => void;
}) {
  const id = useId();
  const [code, setCode] = useState(normalizeUserCode(initialCode));
  const [tooShort, setTooShort] = useState(false);
  const message = tooShort ? `Enter all ${USER_CODE_LENGTH} characters of the code.` : error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (code.length < USER_CODE_LENGTH) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    onSubmit(code);
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-code`}>Code</label>
        <input
          id={`${id}-code`}
          className="user-code"
          value={formatUserCode(code)}
          onChange={(event) => setCode(normalizeUserCode(event.target.value))}
          placeholder="ABCD-EFGH"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          aria-invalid={message !== null}
          aria-describedby={message ? `${id}-error` : `${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          The code your terminal shows, with or without the dash.
        </p>
      </div>
      {message && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {message}
        </p>
      )}
      <button type="submit" className="button primary wide" aria-busy={pending}>
        {pending && <span className="spinner" aria-hidden="true" />}
        Continue
      </button>
    </form>
  );
}
