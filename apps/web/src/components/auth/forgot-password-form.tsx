"use client";

import { ACCOUNT_LIFETIMES } from "@repo/auth/account-lifetimes";
import { duration } from "@repo/mail/messages";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { withReturnPath } from "@/lib/return-path";
import { AuthForm, EmailField, FormDone } from "./form-parts";

/**
 * Asks Better Auth to mail a reset link. The answer is the same whether or not the address has
 * an account, so the page says "if". `next` (a page of this site the page checked with
 * safeReturnPath) rides in the redirectTo, whose `next` the mailed link carries on to
 * /reset-password, as a sign-up's callbackURL does to /verified; "Back to sign in" keeps it.
 */
export function ForgotPasswordForm({ next = null }: { next?: string | null }) {
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
      redirectTo: withReturnPath("/reset-password", next),
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
      <FormDone next={{ href: withReturnPath("/sign-in", next), label: "Back to sign in" }}>
        <p>
          If <strong>{sentTo}</strong> has an account, a reset link is on its way. It works once,
          for {duration(ACCOUNT_LIFETIMES.resetLinkSeconds)}.
        </p>
      </FormDone>
    );

  return (
    <AuthForm
      id={id}
      error={error}
      pending={pending}
      submitLabel="Send reset link"
      onSubmit={onSubmit}
      footer={<Link href={withReturnPath("/sign-in", next)}>Back to sign in</Link>}
    >
      <EmailField id={id} />
    </AuthForm>
  );
}
