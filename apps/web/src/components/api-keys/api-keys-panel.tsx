"use client";

import { useState } from "react";
import { CreateKeyForm } from "./create-key-form";
import { KeyList } from "./key-list";
import type { KeySummary } from "./key-summary";
import { NewKey } from "./new-key";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { type CreatedKey, useApiKeys } from "./use-api-keys";

/**
 * The API keys page's body: the key just created (once), else the form for a new one; then the
 * list with Revoke, and a status line for what just happened.
 */
export function ApiKeysPanel({ initial, apiUrl }: { initial: KeySummary[]; apiUrl: string }) {
  const { keys, create, revoke } = useApiKeys(initial);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoking, setRevoking] = useState<KeySummary | null>(null);
  const [status, setStatus] = useState("");

  return (
    <div className="api-keys">
      {created ? (
        <NewKey created={created} apiUrl={apiUrl} onDone={() => setCreated(null)} />
      ) : (
        <CreateKeyForm
          create={create}
          onCreated={(key) => {
            setStatus("");
            setCreated(key);
          }}
        />
      )}
      <h2>Your keys</h2>
      <p role="status" className="hint">
        {status}
      </p>
      <KeyList
        keys={keys}
        onRevoke={(key) => {
          setStatus("");
          setRevoking(key);
        }}
      />
      <RevokeKeyDialog
        revoking={revoking}
        revoke={revoke}
        onClose={(revoked) => {
          setRevoking(null);
          if (revoked) setStatus(`Revoked "${revoked.name}".`);
        }}
      />
    </div>
  );
}
