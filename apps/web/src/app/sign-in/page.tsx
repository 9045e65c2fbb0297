import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { safeReturnPath } from "@/lib/return-path";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in · Todo" };

// /sign-in[?next=/a/page] — then /todos, or `next` when it is a page of this site.
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeReturnPath((await searchParams).next);
  if (await getSession()) redirect(next ?? "/todos");
  return (
    <AuthCard
      title="Sign in"
      intro={
        next?.startsWith("/device")
          ? "Sign in to approve the app asking for access."
          : "Welcome back."
      }
    >
      <CredentialsForm mode="sign-in" next={next} />
    </AuthCard>
  );
}
