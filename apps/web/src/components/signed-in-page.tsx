import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "./app-header";

/** A page of the signed-in app beside the todo list: the header, a way back, and a card. */
export function SignedInPage({
  user,
  back = { href: "/todos", label: "your todos" },
  children,
}: {
  user: { name: string; email: string };
  /** Where the back link leads (a page under /account goes back to the account). */
  back?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <>
      <AppHeader name={user.name} email={user.email} />
      <main className="page">
        <p>
          <Link href={back.href} className="back-link">
            ← Back to {back.label}
          </Link>
        </p>
        <div className="card prose">{children}</div>
      </main>
    </>
  );
}
