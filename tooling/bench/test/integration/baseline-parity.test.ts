import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@repo/db/client";
import * as schema from "@repo/db/schema";
import { desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRequest } from "../../../../apps/api/src/app";
import { useApi } from "../../../../apps/api/test/support/api";
import { ISSUER } from "../../../../apps/api/test/support/issuer";
import { createBaseline } from "../../src/baseline/app.mjs";
import { createTokenCheck } from "../../src/baseline/auth.mjs";
import { type BenchRequest, type Caller, requestFor } from "../../src/scenarios";
import { NO_MATCH_Q, SMOKE_SIZES, seed } from "../../src/seed";

// The baseline is the ceiling the API's numbers are read against: it must do the API's database
// work, no less. Each request the bench sends goes to the API (in-process, its real handlers)
// and to the baseline (in-process, its real handler), each on a pool that records what it sends:
// the same statements (name, text and values) and the same answer, byte for byte.

interface Sent {
  name: string | undefined;
  text: string;
  values: unknown[];
}

/** A pool whose `query` (what drizzle and the baseline call) records each statement. */
function recordingPool(url: string, sent: Sent[]): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const query = pool.query.bind(pool) as (
    config: string | pg.QueryConfig,
    values?: unknown[],
  ) => Promise<pg.QueryResult>;
  const record = (config: string | pg.QueryConfig, values?: unknown[]) => {
    const statement = typeof config === "string" ? { text: config } : config;
    sent.push({
      name: statement.name,
      text: statement.text,
      values: values ?? statement.values ?? [],
    });
    return query(config, values);
  };
  pool.query = record as typeof pool.query;
  return pool;
}

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | null>;
  sent: Sent[];
}

const HEADERS = ["etag", "location", "link"];
const answerOf = async (response: Response, sent: Sent[]): Promise<Answer> => ({
  status: response.status,
  body: await response.text(),
  headers: Object.fromEntries(HEADERS.map((name) => [name, response.headers.get(name)])),
  sent: sent.splice(0),
});

// The statements as sent, but for the id of a new todo: each side makes its own (a UUIDv7).
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const comparable = (sent: Sent[], known: Set<string>) =>
  sent.map(({ name, text, values }) => ({
    name,
    text,
    values: values.map((value) =>
      typeof value === "string" && UUID_V7.test(value) && !known.has(value) ? "(a new id)" : value,
    ),
  }));

describe("the bench baseline does the API's database work", () => {
  const api = useApi();
  const apiSent: Sent[] = [];
  const baselineSent: Sent[] = [];
  let apiPool: pg.Pool;
  let baselinePool: pg.Pool;
  let apiDb: Database;
  let baseline: http.Server;
  let baselineUrl: string;
  let caller: Caller;
  const known = new Set<string>();

  beforeAll(async () => {
    const { url } = api.database.current;
    // The bench's own data: its users, and the growth users' todos in projects, with labels,
    // due dates and every priority. Tokens from the API's test issuer (EdDSA, JWKS).
    const fixtures = await seed(url, SMOKE_SIZES);
    const rows = await api.database.current.db
      .select({ id: schema.todos.id })
      .from(schema.todos)
      .where(eq(schema.todos.userId, fixtures.growth.large.id))
      .orderBy(desc(schema.todos.createdAt));
    for (const row of rows) known.add(row.id);
    caller = {
      token: await api.issuer().token(fixtures.growth.large.id),
      todoIds: rows.map((row) => row.id),
    };

    apiPool = recordingPool(url, apiSent);
    apiDb = drizzle({ client: apiPool, schema });
    baselinePool = recordingPool(url, baselineSent);
    const verify = await createTokenCheck({
      AUTH_JWKS_URL: api.issuer().jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: ISSUER,
    });
    const handler = createBaseline({
      db: baselinePool,
      verify,
      limit: async () => true,
      log: () => {},
      todoLimit: api.deps().todoLimitPerUser,
    });
    baseline = http.createServer(handler);
    await new Promise<void>((resolve) => baseline.listen(0, "127.0.0.1", resolve));
    baselineUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => baseline?.close(resolve));
    await apiPool?.end();
    await baselinePool?.end();
  });

  const toApi = async (request: BenchRequest): Promise<Answer> => {
    apiSent.length = 0;
    const response = await handleRequest(
      new Request(`http://localhost:3001${request.path}`, request),
      { ...api.deps(), db: apiDb },
    );
    return answerOf(response, apiSent);
  };
  const toBaseline = async (request: BenchRequest): Promise<Answer> => {
    baselineSent.length = 0;
    const response = await fetch(`${baselineUrl}${request.path}`, request);
    return answerOf(response, baselineSent);
  };
  const get = (path: string): BenchRequest => ({
    method: "GET",
    path,
    headers: { authorization: `Bearer ${caller.token}` },
  });

  /** Both answer `request` alike, having sent the same statements. */
  async function expectSame(request: BenchRequest): Promise<Answer> {
    const fromApi = await toApi(request);
    const fromBaseline = await toBaseline(request);
    expect(fromApi.status).toBeGreaterThanOrEqual(200);
    expect(fromApi.status).toBeLessThan(300);
    expect(comparable(fromBaseline.sent, known)).toEqual(comparable(fromApi.sent, known));
    expect(fromBaseline.status).toBe(fromApi.status);
    expect(fromBaseline.headers).toEqual(fromApi.headers);
    expect(fromBaseline.body).toBe(fromApi.body);
    return fromApi;
  }

  it("lists: the page, its cursor and Link; the next page from that cursor", async () => {
    const first = await expectSame(requestFor("list", [caller], 0));
    const { data, nextCursor } = JSON.parse(first.body) as { data: unknown[]; nextCursor: string };
    expect(data).toHaveLength(20);
    expect(nextCursor).toEqual(expect.any(String));
    // As the growth rows walk and read the large user's list: pages of 100, and a cursor alone.
    const page = await expectSame(get(`/api/v1/todos?limit=100&cursor=${nextCursor}`));
    const { nextCursor: deeper } = JSON.parse(page.body) as { nextCursor: string };
    await expectSame(get(`/api/v1/todos?cursor=${deeper}`));
  });

  it("searches: a q that matches nothing (both search steps, then the account check)", async () => {
    const answer = await expectSame(get(`/api/v1/todos?q=${NO_MATCH_Q}`));
    expect(JSON.parse(answer.body)).toEqual({ data: [], nextCursor: null });
  });

  it("gets a todo", async () => {
    for (let k = 0; k < 4; k++) await expectSame(requestFor("get", [caller], k));
  });

  /**
   * A write both make in turn, the same statements sent: each answers the row the other then
   * reads (at `readPath` of the answer), byte for byte, with its ETag.
   */
  async function expectSameWrite(write: BenchRequest, readPath: (made: Answer) => string) {
    const byApi = await toApi(write);
    const readByBaseline = await toBaseline(get(readPath(byApi)));
    const byBaseline = await toBaseline(write);
    const readByApi = await toApi(get(readPath(byBaseline)));
    expect(byApi.status).toBeGreaterThanOrEqual(200);
    expect(byApi.status).toBeLessThan(300);
    expect(byBaseline.status).toBe(byApi.status);
    expect(comparable(byBaseline.sent, known)).toEqual(comparable(byApi.sent, known));
    for (const [made, read] of [
      [byApi, readByBaseline],
      [byBaseline, readByApi],
    ] as const) {
      expect(read.body).toBe(made.body);
      expect(read.headers.etag).toBe(made.headers.etag);
    }
  }

  it("patches a todo: completes it, reopens it, and changes every field the baseline takes", async () => {
    for (const round of [0, 1]) {
      const patch = requestFor("patch", [caller], round);
      await expectSameWrite(patch, () => patch.path);
    }
    const patch = requestFor("patch", [caller], 2);
    const everything = { title: "Renamed", description: "More", completed: true };
    await expectSameWrite({ ...patch, body: JSON.stringify(everything) }, () => patch.path);
  });

  it("creates a todo, taking a place in the owner's live count", async () => {
    await expectSameWrite(requestFor("create", [caller], 0), (made) => {
      expect(made.headers.location).toMatch(/^\/api\/v1\/todos\/[0-9a-f-]{36}$/);
      return made.headers.location ?? "";
    });
  });
});
