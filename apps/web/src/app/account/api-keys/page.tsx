import { API_KEY_PREFIX } from "@repo/auth/api-key-policy";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getAuth } from "@/auth";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { summarizeKeys } from "@/components/api-keys/key-summary";
import { SignedInPage } from "@/components/signed-in-page";
import { getEnv } from "@/env";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "API keys · Todo" };

// /account/api-keys — personal API keys for scripts and other programs: create (seen once), list, revoke.
export default async function ApiKeysPage() {
  const { user } = await requireSession("/account/api-keys");
  const { apiKeys } = await getAuth().api.listApiKeys({ headers: await headers() });
  return (
    <SignedInPage user={user} back={{ href: "/account", label: "Account" }}>
      <h1>API keys</h1>
      <p className="muted">
        A key lets a script or another program use the todo API as you, without your password. Give
        each program its own key, with only the scopes it needs, and revoke a key as soon as it is
        no longer used. Programs send it in the header{" "}
        <code>Authorization: Bearer {API_KEY_PREFIX}…</code>
      </p>
      <ApiKeysPanel initial={summarizeKeys(apiKeys)} apiUrl={getEnv().NEXT_PUBLIC_API_URL} />
      <p className="hint">
        Just trying the API? <Link href="/token">Get a token that lasts 15 minutes</Link>.
      </p>
    </SignedInPage>
  );
}
