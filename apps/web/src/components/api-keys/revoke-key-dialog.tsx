"use client";

import { useEffect, useId, useRef, useState } from "react";
import { type AuthClientError, describeKeyError, leaveIfSignedOut } from "./describe-key-error";
import type { KeySummary } from "./key-summary";

/** Asks before revoking `revoking` (a modal dialog); null closes it. */
export function RevokeKeyDialog({
  revoking,
  revoke,
  onClose,
}: {
  revoking: KeySummary | null;
  revoke: (keyId: string) => Promise<AuthClientError | null>;
  onClose: (revoked: KeySummary | null) => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (revoking) {
      setError(null);
      dialog.current?.showModal();
    } else dialog.current?.close();
  }, [revoking]);

  async function confirm() {
    if (!revoking || busy) return;
    setBusy(true);
    const failure = await revoke(revoking.id);
    setBusy(false);
    if (failure) {
      if (!leaveIfSignedOut(failure))
        setError(describeKeyError("Couldn't revoke the key", failure));
      return;
    }
    onClose(revoking);
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onClose={() => onClose(null)}
    >
      <div className="dialog-body">
        <h2 id={`${id}-title`}>Revoke "{revoking?.name}"?</h2>
        <p className="muted">
          Anything using this key is refused within seconds. This can't be undone.
        </p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button ghost" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="button danger-solid" onClick={confirm} aria-busy={busy}>
            Revoke key
          </button>
        </div>
      </div>
    </dialog>
  );
}
