import { randomUUID } from "node:crypto";
import { extractLink, type MailQuery, type ReceivedMail } from "@repo/mail/testing";
import { request } from "./http-client";

/** Where the web instances' mails arrive: the topology's SMTP sink (`topology.mail`). */
export interface Mailbox {
  waitForMail(query: MailQuery): Promise<ReceivedMail>;
}

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
 * Signs one user up through the web app (README, step 1), opens the link it mails (step 2: the
 * address is verified and the user signed in), and gets a first token (step 3); from
 * `localAddress` when given (Better Auth limits sign-ups per client address).
 */
export async function signUp(
  webUrl: string,
  mail: Mailbox,
  { label = "user", localAddress }: { label?: string; localAddress?: string } = {},
): Promise<Account> {
  const email = `${label}-${randomUUID()}@example.com`;
  const signedUp = await request(`${webUrl}/api/auth/sign-up/email`, {
    localAddress,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "correct-horse-battery", name: label }),
  });
  if (signedUp.status !== 200)
    throw new Error(`sign-up answered ${signedUp.status}: ${signedUp.text.slice(0, 200)}`);
  const { user } = JSON.parse(signedUp.text) as { user: { id: string } };
  const { text } = await mail.waitForMail({ to: email, subject: "Confirm your email" });
  const verified = await request(extractLink(text, "/verify-email"), { localAddress });
  const cookie = (verified.headers["set-cookie"] ?? [])
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!cookie.includes("session_token="))
    throw new Error(`the verification link answered ${verified.status} without a session`);
  return { id: user.id, cookie, token: await tokenFor(webUrl, cookie) };
}

/** `count` users, a few sign-ups at a time (each hashes a password: CPU the machine shares). */
export async function signUpMany(
  webUrl: string,
  mail: Mailbox,
  count: number,
  label: string,
): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let i = 0; i < count; i += 4)
    accounts.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(4, count - i) }, (_, j) =>
          signUp(webUrl, mail, { label: `${label}-${i + j}` }),
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
