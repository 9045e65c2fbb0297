import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Create your account · Todo" };

export default async function SignUpPage() {
  if (await getSession()) redirect("/todos");
  return (
    <AuthCard title="Create your account" intro="Plan your day in a few keystrokes.">
      <CredentialsForm mode="sign-up" />
    </AuthCard>
  );
}
