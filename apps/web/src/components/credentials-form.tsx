"use client";

import { type FormEvent, useId, useState } from "react";
import { authClient } from "@/lib/auth-client";

type Mode = "sign-up" | "sign-in";

const copy = {
  "sign-up": { title: "Create an account", submit: "Sign up", pending: "Signing up…" },
  "sign-in": { title: "Sign in", submit: "Sign in", pending: "Signing in…" },
} as const;

/** Email + password form; the session hook re-renders the page once Better Auth sets the cookie. */
export function CredentialsForm({ mode }: { mode: Mode }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const text = copy[mode];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    setPending(true);
    setError(null);
    const { error } =
      mode === "sign-up"
        ? await authClient.signUp.email({ email, password, name: String(form.get("name")) })
        : await authClient.signIn.email({ email, password });
    setPending(false);
    if (error) setError(error.message ?? error.statusText ?? "Something went wrong");
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{text.title}</h2>
      {mode === "sign-up" && (
        <label>
          Name
          <input name="name" autoComplete="name" required />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          minLength={mode === "sign-up" ? 8 : undefined}
          required
          aria-describedby={mode === "sign-up" ? `${id}-hint` : undefined}
        />
      </label>
      {mode === "sign-up" && (
        <p id={`${id}-hint`} className="muted">
          At least 8 characters.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? text.pending : text.submit}
      </button>
    </form>
  );
}
