import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { safeReturnPath } from "@/lib/return-path";

export const metadata: Metadata = { title: "Forgot password · Todo" };

// /forgot-password[?next=/a/page] — the mailed link, and the sign-in after it, keep `next` when it
// is a page of this site.
export default async function ForgotPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeReturnPath((await searchParams).next);
  return (
    <AuthCard title="Forgot your password?" intro="We'll mail you a link to choose a new one.">
      <ForgotPasswordForm next={next} />
    </AuthCard>
  );
}
