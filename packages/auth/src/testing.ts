// For tests: sign a user up as a person does, through the mail Better Auth sends.
import { extractLink, type MailQuery, type ReceivedMail } from "@repo/mail/testing";

export interface AuthUnderTest {
  /** Better Auth's handler, or handleAuthRequest around it. */
  handle: (request: Request) => Promise<Response>;
  /** Better Auth's baseURL (the web app's origin). */
  baseUrl: string;
  /** Where the mails arrive: an SMTP sink's or an outbox's waitForMail. */
  waitForMail: (query: MailQuery) => Promise<ReceivedMail>;
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** POST `body` as JSON to `/api/auth<path>`, from the app's own origin. */
export function postAuth(
  { handle, baseUrl }: Pick<AuthUnderTest, "handle" | "baseUrl">,
  path: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<Response> {
  return handle(
    new Request(`${baseUrl}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** Opens the link of the verification mail to `email`; resolves with the response. */
export async function followVerificationMail(
  { handle, waitForMail }: Pick<AuthUnderTest, "handle" | "waitForMail">,
  email: string,
): Promise<Response> {
  const mail = await waitForMail({ to: email, subject: "Confirm your email" });
  return handle(new Request(extractLink(mail.text, "/verify-email")));
}

/**
 * Signs `email` up, then opens the link mailed to it, which verifies the address and signs the
 * user in: resolves with that session's cookie and the user's id.
 */
export async function signUpVerified(
  auth: AuthUnderTest,
  {
    email,
    password = "correct-horse-battery",
    name = "Ada",
  }: {
    email: string;
    password?: string;
    name?: string;
  },
): Promise<{ cookie: string; userId: string }> {
  const signedUp = await postAuth(auth, "/sign-up/email", { email, password, name });
  if (signedUp.status !== 200)
    throw new Error(`sign-up answered ${signedUp.status}: ${await signedUp.text()}`);
  const { user } = (await signedUp.json()) as { user: { id: string } };
  const verified = await followVerificationMail(auth, email);
  const cookie = cookiesOf(verified);
  if (!cookie.includes("session_token="))
    throw new Error(`the verification link answered ${verified.status} without a session`);
  return { cookie, userId: user.id };
}
