import { randomBytes } from "node:crypto";
import { API_SCOPES } from "@repo/auth/api-key-verifier";
import { createAuth, mintApiKey } from "@repo/auth/server";
import { createDatabase } from "@repo/db/client";
import type { BenchUser } from "./seed";

// A day: the shortest lifetime a key may be given, and longer than any run.
const KEY_SECONDS = 24 * 3600;

/**
 * One personal API key per user, with every scope, created as the web app creates them: Better
 * Auth's api-key plugin (createAuth's configuration: prefix, length, hashing), server-side.
 * Returns each user's plaintext key by user id; the run drops the database, keys and all.
 */
export async function createApiKeys(url: string, users: BenchUser[]): Promise<Map<string, string>> {
  const client = createDatabase({ url, driver: "tcp", max: 8 });
  try {
    const auth = createAuth({
      db: client.db,
      secret: randomBytes(32).toString("base64url"),
      baseURL: "http://bench.localhost",
    });
    const keys = await Promise.all(
      users.map(async (user) => {
        const created = await mintApiKey(auth, {
          userId: user.id,
          name: "bench",
          expiresInSeconds: KEY_SECONDS,
          scopes: API_SCOPES,
        });
        return [user.id, created.key] as const;
      }),
    );
    return new Map(keys);
  } finally {
    await client.close();
  }
}
