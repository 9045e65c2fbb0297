"use client";

import { useId, useState } from "react";
import { authClient } from "@/lib/auth-client";

/** Fetches a short-lived JWT (GET /api/auth/token) for calling the API by hand, e.g. with curl. */
export function ApiToken() {
  const id = useId();
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function showToken() {
    setError(null);
    const { data, error } = await authClient.token();
    if (error || !data) {
      setError(error?.message ?? "Could not get a token");
      return;
    }
    setToken(data.token);
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>API token</h2>
      <button type="button" onClick={showToken}>
        {token ? "Get a fresh token" : "Show my API token"}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {token && (
        <>
          <label>
            Token (valid for 15 minutes)
            <textarea readOnly rows={6} value={token} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="muted">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </>
      )}
    </section>
  );
}
