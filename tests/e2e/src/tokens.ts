// Tokens the tests need and no client can get from Better Auth: ones that have already expired.
// They are signed with the run's own key (the web app keeps it in the database, encrypted with
// the BETTER_AUTH_SECRET this run generated), so the API refuses them for their `exp` alone.
import { createAuth } from "@repo/auth/server";
import { createDatabase } from "@repo/db/client";
import { currentRun } from "./run";

export interface Claims {
  sub: string;
  email?: string;
  name?: string;
  iat?: number;
  exp?: number;
}

/** The payload of a JWT (not verified: the tests only read what the web app handed out). */
export function readClaims(token: string): Claims {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("not a JWT");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
}

/** A token for the same user and claims as `token`, validly signed, that expired five minutes ago. */
export async function expiredCopyOf(token: string): Promise<string> {
  const { sub, email, name } = readClaims(token);
  const run = currentRun();
  const { db, close } = createDatabase({ url: run.database.url, max: 1 });
  try {
    const auth = createAuth({ db, secret: run.authSecret, baseURL: run.webUrl });
    const now = Math.floor(Date.now() / 1000);
    const { token: expired } = await auth.api.signJWT({
      body: { payload: { sub, email, name, iat: now - 20 * 60, exp: now - 5 * 60 } },
    });
    return expired;
  } finally {
    await close();
  }
}
