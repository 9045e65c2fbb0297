import { ACCOUNT_LIFETIMES } from "@repo/auth/account-lifetimes";
import { duration } from "@repo/mail/messages";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { safeReturnPath, withReturnPath } from "@/lib/return-path";

export const metadata: Metadata = { title: "Choose a new password · Todo" };

/**
 * Where the reset mail's link lands, with `?token=` (packages/auth/src/account-mails.ts), and
 * `?next=` when the reset was asked for on the way back to a page: the links on to /sign-in and
 * /forgot-password keep it when it is a page of this site. The token is checked when the form is
 * sent: a used or expired one is refused then. `?error=` is what Better Auth's own
 * /api/auth/reset-password/<token> redirect would add.
 */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string; next?: string | string[] }>;
}) {
  const { token, error, next: given } = await searchParams;
  const next = safeReturnPath(given);
  if (error || !token)
    return (
      <AuthCard
        title="This link doesn't work"
        intro={`Reset links work once, for ${duration(ACCOUNT_LIFETIMES.resetLinkSeconds)}.`}
      >
        <p className="auth-switch">
          <Link href={withReturnPath("/forgot-password", next)}>Get a new link</Link>
        </p>
      </AuthCard>
    );
  return (
    <AuthCard
      title="Choose a new password"
      intro="Every device signed in to your account will be signed out."
    >
      <ResetPasswordForm token={token} next={next} />
    </AuthCard>
  );
}
