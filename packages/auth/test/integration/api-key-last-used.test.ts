// A key's "last used" (apikey.last_request, shown in the web app's key list), written by the API's
// verifier at most once per granularity, on a real PostgreSQL.
import { apikey } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createLogger } from "@repo/logger";
import { collectLines } from "@repo/logger/testing";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ApiKeyVerifierOptions,
  createApiKeyVerifier,
} from "../../src/api-keys/api-key-verifier";
import { hashOfKey, insertKey, insertKeyOwner } from "../support/api-keys";

const database = useTestDatabase();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Every UPDATE statement on apikey, whether or not it matched a row: a statement-level trigger.
beforeAll(async () => {
  const { db } = database.current;
  await db.execute(sql`create table apikey_updates (n integer not null)`);
  await db.execute(sql`insert into apikey_updates values (0)`);
  await db.execute(sql`
    create function count_apikey_update() returns trigger language plpgsql as $$
    begin update apikey_updates set n = n + 1; return null; end $$`);
  await db.execute(sql`
    create trigger count_apikey_updates after update on apikey
    for each statement execute function count_apikey_update()`);
});

async function updateStatements(): Promise<number> {
  const { rows } = await database.current.db.execute<{ n: number }>(
    sql`select n from apikey_updates`,
  );
  return Number(rows[0]?.n);
}

async function lastRequest(keyId: string): Promise<Date | null> {
  const [row] = await database.current.db
    .select({ lastRequest: apikey.lastRequest })
    .from(apikey)
    .where(eq(apikey.id, keyId));
  if (!row) throw new Error(`no key ${keyId}`);
  return row.lastRequest;
}

async function newKey() {
  const { db } = database.current;
  return insertKey(db, await insertKeyOwner(db), ["todos:read"]);
}

// Uncached, so every verification reads the row, as a cache miss does.
const verifier = (options: Partial<ApiKeyVerifierOptions> = {}) =>
  createApiKeyVerifier({
    db: database.current.db,
    logger: createLogger({ level: "silent" }),
    cacheSeconds: 0,
    ...options,
  });

describe("a key's last use", () => {
  it("is recorded by the first verification, as UTC like every date Better Auth writes", async () => {
    const created = await newKey();
    expect(await lastRequest(created.id)).toBeNull();
    const before = Date.now();
    await verifier().verify(created.key);
    const after = Date.now();
    const recorded = await lastRequest(created.id);
    expect(recorded?.getTime()).toBeGreaterThanOrEqual(before);
    expect(recorded?.getTime()).toBeLessThanOrEqual(after);
    // The column has no time zone: its wall-clock time is UTC's, whatever the session's zone,
    // as Better Auth's adapter writes expires_at (and reads both back).
    const { rows } = await database.current.db.execute<{ utc: string; created: string }>(sql`
      select extract(epoch from last_request)::text as utc,
             extract(epoch from created_at)::text as created
      from apikey where id = ${created.id}`);
    expect(Number(rows[0]?.utc) * 1000).toBeCloseTo(recorded?.getTime() ?? 0, 0);
    expect(Number(rows[0]?.created) * 1000).toBe(created.createdAt.getTime());
  });

  it("is not written again within the granularity: no UPDATE runs, the time stays", async () => {
    const created = await newKey();
    const verify = verifier(); // the default granularity, an hour
    await verify.verify(created.key);
    const first = await lastRequest(created.id);
    const statements = await updateStatements();
    await verify.verify(created.key);
    await verifier().verify(created.key); // another instance
    expect(await updateStatements()).toBe(statements);
    expect(await lastRequest(created.id)).toEqual(first);
  });

  it("moves once the granularity has passed", async () => {
    const created = await newKey();
    const verify = verifier({ lastUsedGranularitySeconds: 0.2 });
    await verify.verify(created.key);
    const first = await lastRequest(created.id);
    await sleep(300);
    const statements = await updateStatements();
    await verify.verify(created.key);
    expect(await updateStatements()).toBe(statements + 1);
    const moved = await lastRequest(created.id);
    expect(moved?.getTime()).toBeGreaterThanOrEqual((first?.getTime() ?? 0) + 300);
  });

  it("failing to be written does not refuse the key: it is logged at warn, without the key", async () => {
    const created = await newKey();
    const { destination, lines, records } = collectLines();
    const verify = verifier({ logger: createLogger({ level: "info", destination }) });
    const { db } = database.current;
    // Every statement that updates a key row fails (as a read-only database would refuse it).
    await db.execute(sql`alter table apikey add constraint refuse check (false) not valid`);
    try {
      await expect(verify.verify(created.key)).resolves.toMatchObject({
        credential: { kind: "api-key", keyId: created.id },
      });
    } finally {
      await db.execute(sql`alter table apikey drop constraint refuse`);
    }
    expect(await lastRequest(created.id)).toBeNull();
    expect(records()).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "could not record the API key's last use",
        keyId: created.id,
        // check_violation, from the driver, under drizzle's error
        error: expect.objectContaining({ cause: expect.objectContaining({ code: "23514" }) }),
      }),
    ]);
    for (const secret of [created.key, created.key.slice(5), hashOfKey(created.key)])
      expect(lines.join("\n")).not.toContain(secret);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses a granularity of %s seconds",
    (lastUsedGranularitySeconds) => {
      expect(() => verifier({ lastUsedGranularitySeconds })).toThrow(RangeError);
    },
  );
});
