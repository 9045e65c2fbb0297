import type { Metadata } from "next";
import { ApiToken } from "@/components/api-token";
import { SignedInPage } from "@/components/signed-in-page";
import { getEnv } from "@/env";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "API token · Todo" };

// /token — a JWT for calling the API by hand (curl, scripts), for developers.
export default async function TokenPage() {
  const { user } = await requireSession("/token");
  return (
    <SignedInPage user={user}>
      <h1>API token</h1>
      <p className="muted">
        The todo API takes a short-lived JWT as <code>Authorization: Bearer &lt;token&gt;</code>.
        Get one here to call it from the command line; it expires after 15 minutes.
      </p>
      <ApiToken apiUrl={getEnv().NEXT_PUBLIC_API_URL} />
    </SignedInPage>
  );
}
