import type { ReactNode } from "react";
import { Logo } from "../logo";

/** The centred card that holds the sign-in and sign-up forms. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <main className="auth-page">
      <div className="auth-brand">
        <Logo />
        <span>Todo</span>
      </div>
      <div className="card auth-card">
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
        {children}
      </div>
    </main>
  );
}
