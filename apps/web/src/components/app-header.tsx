import Link from "next/link";
import { Logo } from "./logo";
import { SignOutButton } from "./sign-out-button";

/** The signed-in header: the app, who is signed in, sign out. */
export function AppHeader({
  name,
  email,
  wide = false,
}: {
  name: string;
  email: string;
  /** The todo page, with its sidebar, is wider than the others. */
  wide?: boolean;
}) {
  const initial = (name.trim()[0] ?? email[0] ?? "?").toUpperCase();
  return (
    <header className="app-header">
      <div className={wide ? "app-header-inner wide" : "app-header-inner"}>
        <Link href="/todos" className="brand">
          <Logo />
          <span>Todo</span>
        </Link>
        <div className="account">
          <span className="avatar" aria-hidden="true">
            {initial}
          </span>
          <Link href="/account" className="user-name" title={`${email}: account and sessions`}>
            {name}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
