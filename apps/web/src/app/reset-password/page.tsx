import { ACCOUNT_LIFETIMES } from "@repo/auth/account-lifetimes";
import { duration } from "@repo/mail/messages";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password · Todo" };

/**
 * Where the reset mail's link lands, with `?token=` (packages/auth/src/account-mails.ts). The
 * token is checked when the form is sent: a used or expired one is refused then. `?error=` is
 * what Better Auth's own /api/auth/reset-password/<token> redirect would add.
 */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string }>;
}) {
  const { token, error } = await searchParams;
  if (error || !token)
    return (
      <AuthCard
        title="This link doesn't work"
        intro={`Reset links work once, for ${duration(ACCOUNT_LIFETIMES.resetLinkSeconds)}.`}
      >
        <p className="auth-switch">
          <Link href="/forgot-password">Get a new link</Link>
        </p>
      </AuthCard>
    );
  return (
    <AuthCard
      title="Choose a new password"
      intro="Every device signed in to your account will be signed out."
    >
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
