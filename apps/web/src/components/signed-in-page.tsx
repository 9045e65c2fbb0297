import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "./app-header";

/** A page of the signed-in app beside the todo list: the header, a way back, and a card. */
export function SignedInPage({
  user,
  children,
}: {
  user: { name: string; email: string };
  children: ReactNode;
}) {
  return (
    <>
      <AppHeader name={user.name} email={user.email} />
      <main className="page">
        <p>
          <Link href="/todos" className="back-link">
            ← Back to your todos
          </Link>
        </p>
        <div className="card prose">{children}</div>
      </main>
    </>
  );
}
