import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { safeReturnPath } from "@/lib/return-path";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Create your account · Todo" };

// /sign-up[?next=/a/page] — the confirmation link signs in and comes back to `next` when it is
// a page of this site (as /sign-in does), else to /todos.
export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeReturnPath((await searchParams).next);
  if (await getSession()) redirect(next ?? "/todos");
  return (
    <AuthCard
      title="Create your account"
      intro={
        next?.startsWith("/device")
          ? "Create your account, then approve the app asking for access."
          : "Plan your day in a few keystrokes."
      }
    >
      <CredentialsForm mode="sign-up" next={next} />
    </AuthCard>
  );
}
