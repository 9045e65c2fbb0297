import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password · Todo" };

/**
 * Where the reset link lands: Better Auth's /api/auth/reset-password/<token> checks the token
 * and redirects here with `?token=`, or with `?error=INVALID_TOKEN` (expired, or used).
 */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string }>;
}) {
  const { token, error } = await searchParams;
  if (error || !token)
    return (
      <AuthCard title="This link doesn't work" intro="Reset links work once, for an hour.">
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
