"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth-client";

/** Fetches a short-lived JWT (GET /api/auth/token) for calling the API by hand, e.g. with curl. */
export function ApiToken({ apiUrl }: { apiUrl: string }) {
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function showToken() {
    setError(null);
    setCopied(false);
    const { data, error } = await authClient.token();
    if (error || !data) {
      setError(error?.message ?? "Could not get a token");
      return;
    }
    setToken(data.token);
  }

  async function copy() {
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setError("Copying was refused; select the token and copy it by hand.");
    }
  }

  return (
    <div className="token-panel">
      <div className="row">
        <button type="button" className="button primary" onClick={showToken}>
          {token ? "Get a fresh token" : "Show my API token"}
        </button>
        {token && (
          <button type="button" className="button" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {token && (
        <>
          <div className="field">
            <label htmlFor="api-token">Token (valid for 15 minutes)</label>
            <textarea
              id="api-token"
              className="code"
              readOnly
              rows={6}
              value={token}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <pre className="code-block">
            <code>{`curl -H "Authorization: Bearer $TOKEN" ${apiUrl}/api/v1/todos`}</code>
          </pre>
        </>
      )}
    </div>
  );
}
