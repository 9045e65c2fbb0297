import Link from "next/link";
import type { FormEvent, ReactNode } from "react";

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

/**
 * An auth form: its fields, then its error (announced, and named by the form's
 * aria-describedby), the submit button with a spinner while the request runs, and a footer.
 */
export function AuthForm({
  id,
  error,
  pending,
  submitLabel,
  onSubmit,
  children,
  footer,
}: {
  /** useId() of the form: the error's id is `${id}-error`. */
  id: string;
  error: string | null;
  pending: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <form
      className="auth-form"
      onSubmit={onSubmit}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      {children}
      <FormError id={`${id}-error`} error={error} />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      {footer && <p className="auth-switch">{footer}</p>}
    </form>
  );
}

/** The email field of an auth form. */
export function EmailField({ id }: { id: string }) {
  return (
    <div className="field">
      <label htmlFor={`${id}-email`}>Email</label>
      <input id={`${id}-email`} name="email" type="email" autoComplete="email" required />
    </div>
  );
}

function FormError({ id, error }: { id: string; error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" id={id} className="form-error">
      {error}
    </p>
  );
}

function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button primary wide" aria-busy={pending}>
      {pending && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
