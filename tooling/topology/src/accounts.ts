import { randomUUID } from "node:crypto";
import { request } from "./http-client";

/** A real user of the web app: its id, session cookie, and a JWT (refreshed in place). */
export interface Account {
  id: string;
  cookie: string;
  token: string;
}

/** A JWT from `webUrl`'s /api/auth/token for the session `cookie` (README, step 2). */
export async function tokenFor(webUrl: string, cookie: string): Promise<string> {
  const issued = await request(`${webUrl}/api/auth/token`, { headers: { cookie } });
  if (issued.status !== 200)
    throw new Error(`GET /api/auth/token answered ${issued.status}: ${issued.text.slice(0, 200)}`);
  return (JSON.parse(issued.text) as { token: string }).token;
}

/**
 * Signs one user up through the web app (README, step 1) and gets its first token (step 2),
 * from `localAddress` when given (Better Auth limits sign-ups per client address).
 */
export async function signUp(
  webUrl: string,
  { label = "user", localAddress }: { label?: string; localAddress?: string } = {},
): Promise<Account> {
  const signedUp = await request(`${webUrl}/api/auth/sign-up/email`, {
    localAddress,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `${label}-${randomUUID()}@example.com`,
      password: "correct-horse-battery",
      name: label,
    }),
  });
  if (signedUp.status !== 200)
    throw new Error(`sign-up answered ${signedUp.status}: ${signedUp.text.slice(0, 200)}`);
  const { user } = JSON.parse(signedUp.text) as { user: { id: string } };
  const cookie = (signedUp.headers["set-cookie"] ?? [])
    .map((line) => line.split(";")[0])
    .join("; ");
  return { id: user.id, cookie, token: await tokenFor(webUrl, cookie) };
}

/** `count` users, a few sign-ups at a time (each hashes a password: CPU the machine shares). */
export async function signUpMany(webUrl: string, count: number, label: string): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let i = 0; i < count; i += 4)
    accounts.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(4, count - i) }, (_, j) =>
          signUp(webUrl, { label: `${label}-${i + j}` }),
        ),
      )),
    );
  return accounts;
}

/** A new token for every account (the load reads `token` on each request). */
export async function refreshTokens(webUrl: string, accounts: Account[]): Promise<void> {
  await Promise.all(
    accounts.map(async (account) => {
      account.token = await tokenFor(webUrl, account.cookie);
    }),
  );
}
