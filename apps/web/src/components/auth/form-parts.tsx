import Link from "next/link";
import type { ReactNode } from "react";

/** What an auth form shows once it is done: a message read out to screen readers, and a link on. */
export function FormDone({
  children,
  next,
}: {
  children: ReactNode;
  next: { href: string; label: string };
}) {
  return (
    <div className="auth-form" role="status">
      {children}
      <p className="auth-switch">
        <Link href={next.href}>{next.label}</Link>
      </p>
    </div>
  );
}

/** The form's error, announced, with the id the form's aria-describedby names. */
export function FormError({ id, error }: { id: string; error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" id={id} className="form-error">
      {error}
    </p>
  );
}

/** The form's one submit button, with a spinner while the request runs. */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button primary wide" aria-busy={pending}>
      {pending && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
