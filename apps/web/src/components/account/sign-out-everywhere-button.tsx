"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { forgetApiTokens } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";

/**
 * Ends every session of the user, this one included (Better Auth's revoke-sessions), then goes to
 * /sign-in. API tokens already issued stay valid until they expire (at most 15 minutes).
 */
export function SignOutEverywhereButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOutEverywhere() {
    if (pending) return;
    setPending(true);
    setFailed(false);
    const { error } = await authClient.revokeSessions();
    if (error) {
      setPending(false);
      setFailed(true);
      return;
    }
    forgetApiTokens();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <div className="row">
      <button
        type="button"
        className="button danger"
        onClick={signOutEverywhere}
        aria-busy={pending}
      >
        Sign out everywhere
      </button>
      {failed && (
        <span role="alert" className="inline-error">
          Couldn't sign out. Try again.
        </span>
      )}
    </div>
  );
}
