"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { forgetApiTokens } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";

/** Ends the Better Auth session, forgets the API token, and goes to /sign-in. */
export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOut() {
    if (pending) return;
    setPending(true);
    setFailed(false);
    const { error } = await authClient.signOut();
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
      <button type="button" className="button ghost" onClick={signOut} aria-busy={pending}>
        Sign out
      </button>
    </>
  );
}
