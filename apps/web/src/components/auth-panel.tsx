"use client";

import { authClient } from "@/lib/auth-client";
import { CredentialsForm } from "./credentials-form";
import { SignedIn } from "./signed-in";

/** Sign-up and sign-in forms, or the signed-in user once there is a session. */
export function AuthPanel() {
  const { data: session, isPending } = authClient.useSession();

  if (isPending) {
    return (
      <p className="muted" aria-live="polite">
        Loading…
      </p>
    );
  }
  if (session) {
    return <SignedIn user={session.user} />;
  }
  return (
    <div className="panels">
      <CredentialsForm mode="sign-up" />
      <CredentialsForm mode="sign-in" />
    </div>
  );
}
