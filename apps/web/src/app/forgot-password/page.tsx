import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password · Todo" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" intro="We'll mail you a link to choose a new one.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}
