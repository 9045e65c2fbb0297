import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { DeviceApproval } from "@/components/device/device-approval";
import { normalizeUserCode } from "@/components/device/user-code";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Connect a device · Todo" };

// /device[?user_code=ABCD-EFGH] — RFC 8628's verification page: a signed-in user approves or
// denies a device (the todo CLI) asking for an API key; signed out, sign in first and come back.
export default async function DevicePage({
  searchParams,
}: {
  searchParams: Promise<{ user_code?: string | string[] }>;
}) {
  const given = (await searchParams).user_code;
  const code = typeof given === "string" ? normalizeUserCode(given) : "";
  const session = await requireSession(code ? `/device?user_code=${code}` : "/device");
  return (
    <AuthCard title="Connect a device" intro="Let an app in your terminal use your account.">
      <p className="hint">Signed in as {session.user.email}.</p>
      <DeviceApproval initialCode={code} />
    </AuthCard>
  );
}
