"use client";

import { ACCOUNT_LIFETIMES } from "@repo/auth/account-lifetimes";
import { duration } from "@repo/mail/messages";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { FormDone, FormError, SubmitButton } from "./form-parts";

/**
 * Asks Better Auth to mail a reset link. The answer is the same whether or not the address has
 * an account, so the page says "if".
 */
export function ForgotPasswordForm() {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const email = String(new FormData(event.currentTarget).get("email")).trim();
    setPending(true);
    setError(null);
    const { error } = await authClient.requestPasswordReset({
      email,
      redirectTo: "/reset-password",
    });
    setPending(false);
    if (error) {
      setError(
        error.status === 429
          ? "Too many attempts. Wait a minute and try again."
          : "Something went wrong. Try again.",
      );
      return;
    }
    setSentTo(email);
  }

  if (sentTo)
    return (
      <FormDone next={{ href: "/sign-in", label: "Back to sign in" }}>
        <p>
          If <strong>{sentTo}</strong> has an account, a reset link is on its way. It works once,
          for {duration(ACCOUNT_LIFETIMES.resetLinkSeconds)}.
        </p>
      </FormDone>
    );

  return (
    <form
      className="auth-form"
      onSubmit={onSubmit}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" required />
      </div>
      <FormError id={`${id}-error`} error={error} />
      <SubmitButton pending={pending}>Send reset link</SubmitButton>
      <p className="auth-switch">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </form>
  );
}
