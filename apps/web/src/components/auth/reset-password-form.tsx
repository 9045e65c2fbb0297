"use client";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@repo/auth/password-policy";
import { type FormEvent, useId, useState } from "react";
import { forgetApiTokens } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";
import { withReturnPath } from "@/lib/return-path";
import { AuthForm, FormDone } from "./form-parts";

function describe(error: { code?: string | undefined; status: number }): string {
  if (error.code === "INVALID_TOKEN") return "This link has expired or was used already.";
  if (error.code === "PASSWORD_TOO_SHORT")
    return `Use a password of at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (error.code === "PASSWORD_TOO_LONG")
    return `Use a password of at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  return "Something went wrong. Try again.";
}

/**
 * Sets the new password with the link's token; Better Auth then ends every session. "Sign in"
 * goes on to `next` (a page of this site the page checked with safeReturnPath).
 */
export function ResetPasswordForm({ token, next = null }: { token: string; next?: string | null }) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const newPassword = String(new FormData(event.currentTarget).get("password"));
    setPending(true);
    setError(null);
    const { error } = await authClient.resetPassword({ newPassword, token });
    setPending(false);
    if (error) {
      setError(describe(error));
      return;
    }
    // Tokens this browser holds were issued to sessions that no longer exist.
    forgetApiTokens();
    setDone(true);
  }

  if (done)
    return (
      <FormDone next={{ href: withReturnPath("/sign-in", next), label: "Sign in" }}>
        <p>Your password is changed, and every device was signed out.</p>
      </FormDone>
    );

  return (
    <AuthForm
      id={id}
      error={error}
      pending={pending}
      submitLabel="Set new password"
      onSubmit={onSubmit}
    >
      <div className="field">
        <label htmlFor={`${id}-password`}>New password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters.
        </p>
      </div>
    </AuthForm>
  );
}
