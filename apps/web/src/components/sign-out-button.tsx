"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { forgetApiTokens } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";

/**
 * Ends this Better Auth session, or with `everywhere` every session of the user (this one
 * included), forgets the API tokens, and goes to /sign-in. API tokens already handed out stay
 * valid until they expire (at most 15 minutes).
 */
export function SignOutButton({ everywhere = false }: { everywhere?: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOut() {
    if (pending) return;
    setPending(true);
    setFailed(false);
    const { error } = everywhere ? await authClient.revokeSessions() : await authClient.signOut();
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
    <>
      {failed && (
        <span role="alert" className="inline-error">
          Couldn't sign out. Try again.
        </span>
      )}
      <button
        type="button"
        className={everywhere ? "button danger" : "button ghost"}
        onClick={signOut}
        aria-busy={pending}
      >
        {everywhere ? "Sign out everywhere" : "Sign out"}
      </button>
    </>
  );
}
