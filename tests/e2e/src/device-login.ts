// The CLI's side of the device login (RFC 8628), spoken to Better Auth's routes directly, as
// `todo login` does: ask for a code, then poll the token endpoint.
import { DEVICE_CLIENT_ID, type DeviceCodeAnswer } from "@repo/auth/api-key-policy";
import { currentRun } from "./run";

/** POST /api/auth/device/code, as a client outside the browser (no cookie, no Origin). */
export async function requestDeviceCode(scope?: string): Promise<DeviceCodeAnswer> {
  const response = await fetch(`${currentRun().webUrl}/api/auth/device/code`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: DEVICE_CLIENT_ID, ...(scope ? { scope } : {}) }),
  });
  if (response.status !== 200)
    throw new Error(`device/code answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as DeviceCodeAnswer;
}

/** One poll of POST /api/auth/device/token: its status and JSON body. */
export async function pollDeviceToken(
  deviceCode: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${currentRun().webUrl}/api/auth/device/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      device_code: deviceCode,
      client_id: DEVICE_CLIENT_ID,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Polls the token endpoint as a CLI must (RFC 8628 §3.5): every `interval` seconds while the
 * answer is authorization_pending or slow_down; returns the first other answer.
 */
export async function waitForDeviceToken(
  grant: DeviceCodeAnswer,
  timeoutMs = 30_000,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await pollDeviceToken(grant.device_code);
    const waiting =
      answer.body.error === "authorization_pending" || answer.body.error === "slow_down";
    if (!waiting || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, grant.interval * 1000 + 200));
  }
}
