import { createHash, randomBytes } from "node:crypto";
import { createAuth, mintApiKey } from "@repo/auth/server";
import { user } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHost, startApiHost, testApiHost } from "../support/api-host";
import { ISSUER, startTestIssuer, type TestIssuer } from "../support/issuer";
import {
  type Attributes,
  type OtlpReceiver,
  type ReceivedSpan,
  startOtlpReceiver,
} from "../support/otlp-receiver";

const kind = testApiHost();
if (!kind) throw new Error("run through the http:node or http:next vitest project");

// Values that must never reach an exported span, event, resource or metric.
const TITLE = `title-secret-${randomBytes(6).toString("hex")}`;
const QUERY_VALUE = `query-secret-${randomBytes(6).toString("hex")}`;
const COOKIE_VALUE = `cookie-secret-${randomBytes(6).toString("hex")}`;
const DB_PASSWORD = `password-secret-${randomBytes(6).toString("hex")}`;
const BAD_TOKEN = `bad.${randomBytes(12).toString("hex")}.token`;
// The caller's trace: the API's spans continue it.
const TRACE_ID = randomBytes(16).toString("hex");
const CALLER_SPAN_ID = randomBytes(8).toString("hex");

const SPAN_KIND = { internal: 1, server: 2, client: 3 } as const;
const STATUS = { unset: 0, error: 2 } as const;

async function eventually<T>(what: string, probe: () => T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const matches = (attributes: Attributes, wanted: Attributes) =>
  Object.entries(wanted).every(([key, value]) => attributes[key] === value);

// One host per file, started with the OTLP endpoint pointing at a receiver in this process.
describe(`telemetry over OTLP/HTTP (host: ${kind})`, { timeout: 60_000 }, () => {
  const database = useTestDatabase();
  let receiver: OtlpReceiver;
  let issuer: TestIssuer;
  let host: ApiHost;
  let token: string;
  let apiKey: string;
  const statuses: number[] = [];

  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${host.url}${path}`, init);
    await response.arrayBuffer();
    statuses.push(response.status);
    return response;
  };

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    issuer = await startTestIssuer();
    await database.current.db
      .insert(user)
      .values({ id: "otel-user", name: "Otel", email: "otel@example.test", emailVerified: true });
    token = await issuer.token("otel-user");
    // A personal API key, as Better Auth's api-key plugin creates it.
    const created = await mintApiKey(
      createAuth({
        db: database.current.db,
        secret: "otel-test-secret-".padEnd(40, "o"),
        baseURL: ISSUER,
      }),
      {
        userId: "otel-user",
        name: "otel",
        expiresInSeconds: 7 * 24 * 3600,
        scopes: ["todos:read"],
      },
    );
    apiKey = created.key;
    // PostgreSQL here trusts local connections, so the password is accepted and unused: it is
    // in the host's configuration only, to be looked for in what the host exports.
    const url = new URL(database.current.url);
    url.password = DB_PASSWORD;
    host = await startApiHost(kind, {
      DATABASE_URL: url.toString(),
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: ISSUER,
      RATE_LIMIT_USER: "1000/60",
      // Two unauthenticated requests a minute: the third gets a 429.
      RATE_LIMIT_IP: "2/60",
      LOG_LEVEL: "info",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_SERVICE_NAME: "todo-api-under-test",
      OTEL_BSP_SCHEDULE_DELAY: "100",
      OTEL_METRIC_EXPORT_INTERVAL: "300",
    });

    // The known sequence: 3 × 201 (the first continues the caller's trace; the last in a
    // transaction, with an Idempotency-Key), 200 (an API key: its lookup is a query span), then
    // 401 (no token), 401 (a forged token), 429.
    const headers = {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      cookie: `session=${COOKIE_VALUE}`,
    };
    const body = JSON.stringify({ title: TITLE });
    const post = (extra: Record<string, string> = {}) =>
      call(`/api/v1/todos?secret=${QUERY_VALUE}`, {
        method: "POST",
        headers: { ...headers, ...extra },
        body,
      });
    await post({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` });
    await post();
    await post({ "idempotency-key": `otel-${randomBytes(6).toString("hex")}` });
    await call("/api/v1/todos", { headers: { authorization: `Bearer ${apiKey}` } });
    await call(`/api/v1/todos?q=${QUERY_VALUE}`);
    await call("/api/v1/todos", { headers: { authorization: `Bearer ${BAD_TOKEN}` } });
    await call("/api/v1/todos", { headers: { cookie: `session=${COOKIE_VALUE}` } });
  });
  afterAll(async () => {
    await host?.close();
    await issuer?.close();
    await receiver?.close();
  });

  it("answered the known sequence as expected", () => {
    expect(statuses).toEqual([201, 201, 201, 200, 401, 401, 429]);
  });

  /**
   * The spans of the trace the caller started, once its DB span and every span's parent up to
   * the caller's have arrived: a server span ends after its response, so it may come in a later
   * export batch than its children (under Next it did, and the chain stopped short).
   */
  const callerTrace = () =>
    eventually("the first request's spans", () => {
      const spans = receiver.spans.filter((s) => s.traceId === TRACE_ID);
      const ids = new Set(spans.map((s) => s.spanId));
      const complete = spans.every(
        (s) => s.parentSpanId === CALLER_SPAN_ID || ids.has(s.parentSpanId ?? ""),
      );
      return complete && spans.some((s) => s.name === "INSERT todos") ? spans : undefined;
    });

  it("exports one request's spans linked: request → authenticate (→ JWKS fetch), rate limit, handler → query", async () => {
    const spans = await callerTrace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const one = (name: string) => {
      const found = spans.filter((s) => s.name === name);
      expect(found, name).toHaveLength(1);
      return found[0] as ReceivedSpan;
    };
    const request = one("POST /api/v1/todos");
    expect(request.attributes).toMatchObject({
      "http.request.method": "POST",
      "http.route": "/api/v1/todos",
      "http.response.status_code": 201,
    });
    expect(request.status).toBe(STATUS.unset);
    expect(request.service).toBe("todo-api-under-test");
    if (kind === "node") {
      // The Node host's own server span, continuing the caller's.
      expect(request.kind).toBe(SPAN_KIND.server);
      expect(request.parentSpanId).toBe(CALLER_SPAN_ID);
    } else {
      // Under Next: a child of Next's server span, which continues the caller's.
      expect(request.kind).toBe(SPAN_KIND.internal);
      const ancestors: ReceivedSpan[] = [];
      for (let s = byId.get(request.parentSpanId ?? ""); s; s = byId.get(s.parentSpanId ?? ""))
        ancestors.push(s);
      const server = ancestors.at(-1);
      expect(server?.kind).toBe(SPAN_KIND.server);
      expect(server?.parentSpanId).toBe(CALLER_SPAN_ID);
    }

    const authenticate = one("todo_api.authenticate");
    const rateLimit = one("todo_api.rate_limit");
    const handler = one("todo_api.handler");
    for (const step of [authenticate, rateLimit, handler]) {
      expect(step.parentSpanId, step.name).toBe(request.spanId);
      expect(step.status, step.name).toBe(STATUS.unset);
    }
    expect(rateLimit.attributes).toMatchObject({
      "todo_api.rate_limit.policy": "user",
      "todo_api.rate_limit.allowed": true,
    });
    expect(handler.attributes["todo_api.operation"]).toBe("createTodo");

    // The first authenticated request fetched the issuer's keys, inside authentication.
    const jwks = one("GET");
    expect(jwks.kind).toBe(SPAN_KIND.client);
    expect(jwks.parentSpanId).toBe(authenticate.spanId);
    expect(jwks.attributes).toMatchObject({
      "url.full": issuer.jwksUrl,
      "http.response.status_code": 200,
    });

    const insert = one("INSERT todos");
    expect(insert.kind).toBe(SPAN_KIND.client);
    expect(insert.parentSpanId).toBe(handler.spanId);
    expect(insert.attributes).toMatchObject({
      "db.system.name": "postgresql",
      "db.operation.name": "INSERT",
      "db.collection.name": "todos",
    });
    // drizzle's parameterised text, placeholders and all; never the values. The insert takes
    // its place under the per-user limit in a CTE first (todo_counts).
    expect(insert.attributes["db.query.text"]).toMatch(
      /^with "slot" as \(insert into "todo_counts" .*\) insert into "todos" .*\$1/s,
    );
  });

  it("makes a span per query inside a transaction too (Idempotency-Key)", async () => {
    const inTrace = await eventually("the transaction's trace", () => {
      const begin = receiver.spans.find((s) => s.name === "BEGIN");
      const spans = receiver.spans.filter((s) => s.traceId === begin?.traceId);
      return spans.some((s) => s.name === "POST /api/v1/todos") ? spans : undefined;
    });
    const handler = inTrace.find((s) => s.name === "todo_api.handler");
    const queries = inTrace.filter((s) => s.parentSpanId === handler?.spanId);
    expect(queries.map((s) => s.name)).toEqual(
      expect.arrayContaining(["BEGIN", "INSERT todos", "COMMIT"]),
    );
    expect(queries.every((s) => s.kind === SPAN_KIND.client)).toBe(true);
  });

  it("marks failed steps as errors: a 401's authentication span, a 429's request", async () => {
    const requests = await eventually("the three refused requests", () => {
      const found = receiver.spans.filter(
        (s) =>
          s.name === "GET /api/v1/todos" &&
          [401, 429].includes(Number(s.attributes["http.response.status_code"])),
      );
      return found.length === 3 ? found : undefined;
    });
    for (const request of requests) {
      // A 4xx is the client's failure: the server span stays unset.
      expect(request.status).toBe(STATUS.unset);
      const authenticate = receiver.spans.find(
        (s) => s.parentSpanId === request.spanId && s.name === "todo_api.authenticate",
      );
      expect(authenticate?.status).toBe(STATUS.error);
      expect(authenticate?.attributes["error.type"]).toBe("unauthorized");
    }
    const limited = requests.find((s) => s.attributes["http.response.status_code"] === 429);
    const check = receiver.spans.find(
      (s) => s.parentSpanId === limited?.spanId && s.name === "todo_api.rate_limit",
    );
    expect(check?.attributes).toMatchObject({
      "todo_api.rate_limit.policy": "ip",
      "todo_api.rate_limit.allowed": false,
    });
  });

  it("counts requests by route, method and status, rejections and authentication failures", async () => {
    const point = (metric: string, wanted: Attributes) =>
      receiver.metrics.get(metric)?.find((p) => matches(p.attributes, wanted))?.value;
    const todos = { "http.route": "/api/v1/todos" };
    const expected: [string, Attributes, number][] = [
      [
        "http.server.request.duration",
        { ...todos, "http.request.method": "POST", "http.response.status_code": 201 },
        3,
      ],
      [
        "http.server.request.duration",
        { ...todos, "http.request.method": "GET", "http.response.status_code": 401 },
        2,
      ],
      [
        "http.server.request.duration",
        { ...todos, "http.request.method": "GET", "http.response.status_code": 429 },
        1,
      ],
      ["todo_api.rate_limit.rejections", { policy: "ip" }, 1],
      ["todo_api.auth.failures", { reason: "missing" }, 2],
      ["todo_api.auth.failures", { reason: "ERR_JWS_INVALID" }, 1],
    ];
    await eventually("the metrics of the sequence", () =>
      expected.every(([metric, wanted, count]) => point(metric, wanted) === count)
        ? true
        : undefined,
    ).catch(() => undefined);
    for (const [metric, wanted, count] of expected)
      expect(point(metric, wanted), `${metric} ${JSON.stringify(wanted)}`).toBe(count);
    expect(receiver.metrics.get("todo_api.rate_limit.rejections")).toHaveLength(1);

    // The pool's gauges: each pool (under Next the process builds more than one) reports its
    // idle and used connections; the one that served the requests has some; none waits now.
    const connections = receiver.metrics.get("db.client.connection.count") ?? [];
    const pools = new Set(connections.map((p) => p.attributes["db.client.connection.pool.name"]));
    expect(pools).toContain("api");
    for (const name of pools)
      expect(
        connections
          .filter((p) => p.attributes["db.client.connection.pool.name"] === name)
          .map((p) => p.attributes["db.client.connection.state"])
          .sort(),
      ).toEqual(["idle", "used"]);
    expect(connections.reduce((sum, p) => sum + p.value, 0)).toBeGreaterThan(0);
    const pending = receiver.metrics.get("db.client.connection.pending_requests") ?? [];
    expect(pending).toHaveLength(pools.size);
    expect(pending.every((p) => p.value === 0)).toBe(true);
  });

  it("writes the request span's traceId and spanId on each request log line", async () => {
    const spans = await callerTrace();
    const request = spans.find((s) => s.name === "POST /api/v1/todos");
    const lines = host.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.route === "/api/v1/todos");
    expect(lines).toHaveLength(7);
    expect(lines.every((line) => /^[0-9a-f]{32}$/.test(String(line.traceId)))).toBe(true);
    expect(lines.every((line) => /^[0-9a-f]{16}$/.test(String(line.spanId)))).toBe(true);
    expect(lines).toContainEqual(
      expect.objectContaining({ traceId: TRACE_ID, spanId: request?.spanId, status: 201 }),
    );
  });

  it("exports no token, API key (nor its hash), cookie, password, body or query string value anywhere", async () => {
    await callerTrace();
    // The key's lookup, a query on the table of keys, has been exported too.
    await eventually("the API key's query span", () =>
      receiver.spans.find((s) => s.attributes["db.collection.name"] === "apikey"),
    );
    const exported = receiver.bodies.join("\n");
    expect(exported).toContain("POST /api/v1/todos"); // the scan reads what was exported
    const keyHash = createHash("sha256").update(apiKey).digest("base64url");
    const secrets = [token, apiKey, keyHash, BAD_TOKEN, COOKIE_VALUE, DB_PASSWORD, TITLE];
    for (const secret of [...secrets, QUERY_VALUE]) expect(exported).not.toContain(secret);
    // Nor does the host's log.
    const logged = host.logs.join("\n");
    expect(logged).toContain('"status":200');
    for (const secret of secrets) expect(logged).not.toContain(secret);
    // Nor the query's name: no attribute keeps any part of a query string.
    expect(exported).not.toMatch(/[?&](secret|q)=/);
  });
});

describe(`telemetry switched off (host: ${kind})`, { timeout: 60_000 }, () => {
  const database = useTestDatabase();

  it("with OTEL_SDK_DISABLED=true exports nothing and logs no trace ids", async () => {
    const receiver = await startOtlpReceiver();
    const host = await startApiHost(kind, {
      DATABASE_URL: database.current.url,
      AUTH_JWT_SECRET: "ls1jeQuXBCGji87JG4LQ3kmH13Pbtr36z+2WvdKrm0c=",
      LOG_LEVEL: "info",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_SDK_DISABLED: "true",
      OTEL_BSP_SCHEDULE_DELAY: "100",
      OTEL_METRIC_EXPORT_INTERVAL: "100",
    });
    try {
      expect((await fetch(`${host.url}/api/v1/todos`)).status).toBe(401);
      // Several export intervals of the configuration above.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const line = host.logs
        .map((text) => JSON.parse(text) as Record<string, unknown>)
        .find((entry) => entry.route === "/api/v1/todos");
      expect(line).toMatchObject({ status: 401 });
      expect(line).not.toHaveProperty("traceId");
      expect(line).not.toHaveProperty("spanId");
      expect(receiver.bodies).toEqual([]);
    } finally {
      await host.close();
      await receiver.close();
    }
  });
});
