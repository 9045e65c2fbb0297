import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeReturnPath, withReturnPath } from "@/lib/return-path";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Email confirmed · Todo" };

/**
 * Where the confirmation link lands (Better Auth's /api/auth/verify-email redirects to the
 * callbackURL the sign-up gave, with `?error=` when the link was expired or not valid). Signed
 * in by the link: on to `?next=` when it is a page of this site (the sign-up's return path),
 * else /todos.
 */
export default async function VerifiedPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; next?: string | string[] }>;
}) {
  const { error, next: given } = await searchParams;
  const next = safeReturnPath(given);
  if (!error && (await getSession())) redirect(next ?? "/todos");
  const signIn = withReturnPath("/sign-in", next);
  return error ? (
    <AuthCard title="This link doesn't work" intro="It has expired, or it was not complete.">
      <p className="auth-switch">
        <Link href={signIn}>Sign in</Link> to get a new one.
      </p>
    </AuthCard>
  ) : (
    <AuthCard title="Email confirmed" intro="Your address is confirmed. Welcome!">
      <p className="auth-switch">
        <Link href={signIn}>Sign in</Link>
      </p>
    </AuthCard>
  );
}
