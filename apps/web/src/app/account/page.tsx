import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getAuth } from "@/auth";
import { DeleteAccount } from "@/components/account/delete-account";
import { ExportData } from "@/components/account/export-data";
import { SignOutButton } from "@/components/sign-out-button";
import { SignedInPage } from "@/components/signed-in-page";
import { getEnv } from "@/env";
import { requireSession } from "@/lib/session";
import { signOutSession } from "./actions";

export const metadata: Metadata = { title: "Account · Todo" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** A short name for a session's browser, from its User-Agent. */
function deviceOf(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A client";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : undefined;
  return system ? `${browser} on ${system}` : browser;
}

// /account — who is signed in, where, and the way to end those sessions; API keys (a link);
// your data: export, delete.
export default async function AccountPage() {
  const { user, session: current } = await requireSession("/account");
  const sessions = await getAuth().api.listSessions({ headers: await headers() });
  sessions.sort((a, b) => +new Date(b.updatedAt) - +new Date(a.updatedAt));
  // Read on the server at run time, so one build serves any API address.
  const apiUrl = getEnv().NEXT_PUBLIC_API_URL;
  return (
    <SignedInPage user={user}>
      <h1>Account</h1>
      <p className="muted">
        {user.name} · {user.email}
      </p>
      <h2>Where you're signed in</h2>
      <ul className="session-list" aria-label="Sessions">
        {sessions.map((session) => (
          <li key={session.id} className="session">
            <div>
              <strong>{deviceOf(session.userAgent)}</strong>
              {session.id === current.id && <span className="badge">This device</span>}
              <p className="hint">
                Signed in {when.format(new Date(session.createdAt))} · last active{" "}
                {when.format(new Date(session.updatedAt))}
              </p>
            </div>
            {session.id !== current.id && (
              <form action={signOutSession}>
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className="button ghost">
                  Sign out
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <div className="row">
        <SignOutButton everywhere />
      </div>
      <h2>API keys</h2>
      <div className="account-section">
        <p className="muted">
          Keys let scripts and other programs use your todos without your password. The{" "}
          <code>todo</code> command-line app gets one when you approve its sign-in.
        </p>
        <p>
          <Link href="/account/api-keys">Manage API keys</Link>
        </p>
      </div>
      <h2>Your data</h2>
      <ExportData apiUrl={apiUrl} userId={user.id} />
      <h2>Danger zone</h2>
      <DeleteAccount apiUrl={apiUrl} userId={user.id} email={user.email} />
    </SignedInPage>
  );
}
