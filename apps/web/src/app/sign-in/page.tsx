import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in · Todo" };

export default async function SignInPage() {
  if (await getSession()) redirect("/todos");
  return (
    <AuthCard title="Sign in" intro="Welcome back.">
      <CredentialsForm mode="sign-in" />
    </AuthCard>
  );
}
