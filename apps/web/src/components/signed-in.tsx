"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { ApiToken } from "./api-token";

interface User {
  name: string;
  email: string;
}

/** Who is signed in, a sign-out button, and the developer's API token. */
export function SignedIn({ user }: { user: User }) {
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setError(null);
    const { error } = await authClient.signOut();
    if (error) setError(error.message ?? "Could not sign out");
  }

  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">Signed in</h2>
      <p>
        {user.name} <span className="muted">({user.email})</span>
      </p>
      <button type="button" className="secondary" onClick={signOut}>
        Sign out
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ApiToken />
    </section>
  );
}
