// Personal API keys, created by Better Auth's api-key plugin (as the web app and the device login
// create them) and verified by the API's in-process verifier, on a real PostgreSQL.
import { apikey, user } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createLogger } from "@repo/logger";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiKeyVerifier } from "../../src/api-keys/api-key-verifier";
import type { ApiScope } from "../../src/api-keys/scopes";
import { InvalidTokenError } from "../../src/verifier";
import { insertKey, insertKeyOwner } from "../support/api-keys";

const database = useTestDatabase();
const logger = createLogger({ level: "silent" });
const createUser = () => insertKeyOwner(database.current.db);
const createKey = (userId: string, scopes: ApiScope[]) =>
  insertKey(database.current.db, userId, scopes);

const verifier = (cacheSeconds = 0) =>
  createApiKeyVerifier({ db: database.current.db, logger, cacheSeconds });

async function refusal(promise: Promise<unknown>): Promise<InvalidTokenError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return error as InvalidTokenError;
}

describe("the API key verifier", () => {
  it("names the key's user, its scopes and its id, with the user's email and name", async () => {
    const userId = await createUser();
    const created = await createKey(userId, ["todos:read"]);
    expect(created.key).toMatch(/^todo_[A-Za-z]{64}$/);
    expect(await verifier().verify(created.key)).toEqual({
      userId,
      email: `${userId}@example.test`,
      name: `Name ${userId}`,
      issuedAt: Math.floor(created.createdAt.getTime() / 1000),
      credential: { kind: "api-key", keyId: created.id, scopes: ["todos:read"] },
    });
  });

  it.each([
    ["an unknown key", "API_KEY_UNKNOWN", async () => `todo_${"a".repeat(64)}`],
    [
      "a disabled key",
      "API_KEY_DISABLED",
      async () => {
        const created = await createKey(await createUser(), ["todos:read"]);
        await database.current.db
          .update(apikey)
          .set({ enabled: false })
          .where(eq(apikey.id, created.id));
        return created.key;
      },
    ],
    [
      "an expired key",
      "API_KEY_EXPIRED",
      async () => {
        const created = await createKey(await createUser(), ["todos:read"]);
        await database.current.db
          .update(apikey)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(eq(apikey.id, created.id));
        return created.key;
      },
    ],
    [
      "the key of a deleted user",
      "API_KEY_UNKNOWN",
      async () => {
        const userId = await createUser();
        const created = await createKey(userId, ["todos:write"]);
        await database.current.db.delete(user).where(eq(user.id, userId));
        return created.key;
      },
    ],
  ])("refuses %s (%s), never naming the key", async (_, reason, keyFor) => {
    const key = await keyFor();
    const error = await refusal(verifier().verify(key));
    expect(error.reason).toBe(reason);
    expect(`${error.message} ${error.reason}`).not.toContain(key.slice(5, 20));
  });

  it("remembers a verification for cacheSeconds, then asks the database again", async () => {
    const created = await createKey(await createUser(), ["todos:read", "todos:write"]);
    const cached = createApiKeyVerifier({ db: database.current.db, logger, cacheSeconds: 1 });
    const uncached = verifier(0);
    await cached.verify(created.key);
    await database.current.db.delete(apikey).where(eq(apikey.id, created.id));
    // Revoked: the uncached verifier sees it at once, the cached one within its second.
    expect((await refusal(uncached.verify(created.key))).reason).toBe("API_KEY_UNKNOWN");
    await expect(cached.verify(created.key)).resolves.toMatchObject({
      credential: { keyId: created.id },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await refusal(cached.verify(created.key))).reason).toBe("API_KEY_UNKNOWN");
  });

  it("never trusts a remembered key past its expiry", async () => {
    const created = await createKey(await createUser(), ["todos:read"]);
    await database.current.db
      .update(apikey)
      .set({ expiresAt: new Date(Date.now() + 800) })
      .where(eq(apikey.id, created.id));
    const cached = createApiKeyVerifier({ db: database.current.db, logger, cacheSeconds: 9 });
    await cached.verify(created.key);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await refusal(cached.verify(created.key))).reason).toBe("API_KEY_EXPIRED");
  });

  it("remembers at most maxEntries keys, dropping the least recently used", async () => {
    const userId = await createUser();
    const [first, second] = [
      await createKey(userId, ["todos:read"]),
      await createKey(userId, ["todos:read"]),
    ];
    const cached = createApiKeyVerifier({
      db: database.current.db,
      logger,
      cacheSeconds: 9,
      maxEntries: 1,
    });
    await cached.verify(first.key);
    await cached.verify(second.key);
    await database.current.db.delete(apikey).where(eq(apikey.referenceId, userId));
    await expect(cached.verify(second.key)).resolves.toMatchObject({ userId });
    expect((await refusal(cached.verify(first.key))).reason).toBe("API_KEY_UNKNOWN");
  });

  it("forgets a key on request, so the instance that revoked it refuses it at once", async () => {
    const created = await createKey(await createUser(), ["todos:read"]);
    const cached = createApiKeyVerifier({ db: database.current.db, logger, cacheSeconds: 9 });
    await cached.verify(created.key);
    await database.current.db.delete(apikey).where(eq(apikey.id, created.id));
    cached.forget(created.id);
    expect((await refusal(cached.verify(created.key))).reason).toBe("API_KEY_UNKNOWN");
  });

  it.each([10, -1, Number.NaN])("refuses a cache of %s seconds", (cacheSeconds) => {
    expect(() => createApiKeyVerifier({ db: database.current.db, logger, cacheSeconds })).toThrow(
      RangeError,
    );
  });
});
