import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Email confirmed · Todo" };

/**
 * Where the confirmation link lands (Better Auth's /api/auth/verify-email redirects here, with
 * `?error=` when the link was expired or not valid).
 */
export default async function VerifiedPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const { error } = await searchParams;
  if (!error && (await getSession())) redirect("/todos");
  return error ? (
    <AuthCard title="This link doesn't work" intro="It has expired, or it was not complete.">
      <p className="auth-switch">
        <Link href="/sign-in">Sign in</Link> to get a new one.
      </p>
    </AuthCard>
  ) : (
    <AuthCard title="Email confirmed" intro="Your address is confirmed. Welcome!">
      <p className="auth-switch">
        <Link href="/sign-in">Sign in</Link>
      </p>
    </AuthCard>
  );
}
