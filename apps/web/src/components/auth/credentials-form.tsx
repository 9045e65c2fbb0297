"use client";

import { NAME_MAX_LENGTH } from "@repo/auth/account-limits";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@repo/auth/password-policy";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { withReturnPath } from "@/lib/return-path";
import { AuthForm, EmailField, FormDone } from "./form-parts";

type Mode = "sign-up" | "sign-in";

interface AuthError {
  code?: string | undefined;
  status: number;
  message?: string | undefined;
}

/** What to tell the user; Better Auth's codes are stable, its messages are for developers. */
function describe(mode: Mode, error: AuthError): string {
  if (error.code === "INVALID_EMAIL_OR_PASSWORD" || (mode === "sign-in" && error.status === 401)) {
    return "Invalid email or password.";
  }
  if (error.code === "EMAIL_NOT_VERIFIED")
    return "Confirm your email address first: we've sent you a new link.";
  if (error.code === "NAME_TOO_LONG") return `Use a name of at most ${NAME_MAX_LENGTH} characters.`;
  if (error.code === "PASSWORD_TOO_SHORT")
    return `Use a password of at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (error.code === "PASSWORD_TOO_LONG")
    return `Use a password of at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  return error.message ? `Something went wrong: ${error.message}` : "Something went wrong.";
}

/**
 * Email + password sign-up or sign-in with Better Auth. A sign-in goes on to `next` (a page of
 * this site the page checked with safeReturnPath; /todos without one); a sign-up only says to
 * look for the confirmation mail (no session before the address is confirmed, and the same
 * answer whether or not the address already had an account). The mailed link comes back to
 * `next` too, through /verified: the callbackURL of a sign-up, and of a sign-in that Better Auth
 * refuses for an unconfirmed address and answers with a new link. The links between the two
 * forms, and "Forgot your password?", keep `next`.
 */
export function CredentialsForm({ mode, next = null }: { mode: Mode; next?: string | null }) {
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const signUp = mode === "sign-up";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email")).trim();
    const password = String(form.get("password"));
    setPending(true);
    setError(null);
    const callbackURL = withReturnPath("/verified", next);
    const { error } = signUp
      ? await authClient.signUp.email({
          email,
          password,
          name: String(form.get("name")).trim(),
          callbackURL,
        })
      : await authClient.signIn.email({ email, password, callbackURL });
    setPending(false);
    if (error) {
      setError(describe(mode, error));
      return;
    }
    if (signUp) {
      setSentTo(email);
      return;
    }
    router.replace(next ?? "/todos");
    router.refresh();
  }

  if (sentTo)
    return (
      <FormDone next={{ href: withReturnPath("/sign-in", next), label: "Back to sign in" }}>
        <h2 className="notice-title">Check your email</h2>
        <p>
          We've sent a link to <strong>{sentTo}</strong>. Open it to confirm your address. No mail?
          Signing in sends a new link.
        </p>
      </FormDone>
    );

  return (
    <AuthForm
      id={id}
      error={error}
      pending={pending}
      submitLabel={signUp ? "Create account" : "Sign in"}
      onSubmit={onSubmit}
      footer={
        signUp ? (
          <>
            Already have an account? <Link href={withReturnPath("/sign-in", next)}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={withReturnPath("/sign-up", next)}>Create an account</Link>
          </>
        )
      }
    >
      {signUp && (
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            autoComplete="name"
            required
            maxLength={NAME_MAX_LENGTH}
          />
        </div>
      )}
      <EmailField id={id} />
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete={signUp ? "new-password" : "current-password"}
          minLength={signUp ? PASSWORD_MIN_LENGTH : undefined}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          aria-describedby={signUp ? `${id}-hint` : undefined}
        />
        {signUp ? (
          <p id={`${id}-hint`} className="hint">
            {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters.
          </p>
        ) : (
          <p className="hint">
            <Link href={withReturnPath("/forgot-password", next)}>Forgot your password?</Link>
          </p>
        )}
      </div>
    </AuthForm>
  );
}
