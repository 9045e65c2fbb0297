"use client";

import { ApiProblemError, createTodoClient } from "@repo/api-client";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { apiTokens, forgetApiTokens, leaveIfSessionEnded } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";
import { describeError } from "../todos/describe-error";

const REAUTHENTICATE = "urn:todo-api:problem:reauthentication-required";

interface Props {
  apiUrl: string;
  userId: string;
  email: string;
}

/**
 * "Delete account": says what goes, asks for the email in a modal dialog, then calls
 * DELETE /me with a token fetched for it (the API takes only one issued in the last 5 minutes),
 * and on success signs out to /sign-in.
 */
export function DeleteAccount({ apiUrl, userId, email }: Props) {
  const id = useId();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function open() {
    setTyped("");
    setError(null);
    dialog.current?.showModal();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (typed.trim().toLowerCase() !== email.toLowerCase()) {
      setError(`Type your email address, ${email}, to confirm.`);
      return;
    }
    setBusy(true);
    setError(null);
    const tokens = apiTokens(userId);
    // Its own client: every call it makes carries a token fetched just now, the retry after a 401 too.
    const api = createTodoClient({ baseUrl: apiUrl, getToken: () => tokens.fresh() });
    try {
      await api.deleteAccount();
    } catch (failure) {
      setBusy(false);
      if (leaveIfSessionEnded(failure)) return;
      setError(
        failure instanceof ApiProblemError && failure.problem.type === REAUTHENTICATE
          ? "For your safety, sign out and sign in again, then delete your account."
          : describeError("Couldn't delete your account", failure),
      );
      return;
    }
    // The account's sessions went with it: this only clears the cookie.
    await authClient.signOut().catch(() => undefined);
    forgetApiTokens();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <div className="danger-zone">
      <p>
        Deleting your account removes it and everything in it for good: your todos, projects and
        labels, and every session. It can't be undone; download your data first if you want a copy.
      </p>
      <div className="row">
        <button type="button" className="button danger" onClick={open}>
          Delete account…
        </button>
      </div>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`}>
        <form onSubmit={onSubmit} noValidate>
          <h2 id={`${id}-title`}>Delete your account?</h2>
          <p className="muted">
            Your account, todos, projects and labels are deleted at once and for good.
          </p>
          <div className="field">
            <label htmlFor={`${id}-email`}>Type your email to confirm</label>
            <input
              id={`${id}-email`}
              type="email"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={email}
              autoComplete="off"
              aria-invalid={error !== null}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
          {error && (
            <p id={`${id}-error`} role="alert" className="form-error">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button ghost" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="button danger-solid" aria-busy={busy}>
              Delete my account
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
