import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { loopbackAddress, request } from "./http";

export interface Account {
  userId: string;
  /** The session cookie, as `cookie` header value. */
  cookie: string;
  token: string;
}

/**
 * The README's steps 1 and 2 on one web instance (or the proxy): sign up, then exchange the
 * session cookie for a JWT. Each sign-up comes from an address of its own: Better Auth allows
 * 3 sign-ups per 10 s per address and instance.
 */
export async function signUp(webUrl: string): Promise<Account> {
  const localAddress = loopbackAddress();
  const signedUp = await request(`${webUrl}/api/auth/sign-up/email`, {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `${randomUUID()}@example.com`,
      password: "correct-horse-battery",
      name: "Ada",
    }),
    localAddress,
  });
  expect(signedUp.status, signedUp.text).toBe(200);
  const { user } = JSON.parse(signedUp.text) as { user: { id: string } };
  const cookie = (signedUp.headers["set-cookie"] ?? [])
    .map((line) => line.split(";")[0])
    .join("; ");
  return { userId: user.id, cookie, token: await tokenFor(webUrl, cookie) };
}

/** A JWT from `webUrl`'s /api/auth/token for the session `cookie`. */
export async function tokenFor(webUrl: string, cookie: string): Promise<string> {
  const issued = await request(`${webUrl}/api/auth/token`, { headers: { cookie } });
  expect(issued.status, issued.text).toBe(200);
  return (JSON.parse(issued.text) as { token: string }).token;
}
