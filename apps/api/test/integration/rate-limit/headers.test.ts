import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleRequest } from "../../../src/app";
import {
  type ClosableRateLimiter,
  createRateLimiter,
} from "../../../src/rate-limit/create-rate-limiter";
import { useApi, WEB_ORIGIN } from "../../support/api";
import { expectProblem } from "../../support/expect-problem";
import {
  awayFromWindowEdge,
  configuredRedis,
  policies,
  uniquePrefix,
} from "../../unit/rate-limit/support";

// The pipeline with the Redis-backed limiter (REDIS_URL store, a Redis of this file's own):
// user 3 per 60 s, ip 2 per 60 s.
const api = useApi();
let redis: Awaited<ReturnType<typeof configuredRedis>>;
let limiter: ClosableRateLimiter;

beforeAll(async () => {
  redis = await configuredRedis();
});
afterAll(async () => {
  await redis?.stop();
});
// Each test counts from zero under its own prefix, away from a window's edge (see support.ts).
beforeEach(async () => {
  await awayFromWindowEdge(60);
  limiter = createRateLimiter({
    policies: policies("3/60", "2/60"),
    store: { kind: "redis", url: redis.url },
    logger: api.deps().logger,
    prefix: uniquePrefix(),
  });
});
afterEach(async () => {
  await limiter.close();
});

async function call(
  method: string,
  path: string,
  { token, ip = "203.0.113.7", json, headers = {} }: CallOptions = {},
): Promise<Response> {
  const request = new Request(`http://localhost:3001${path}`, {
    method,
    headers: {
      "x-forwarded-for": ip,
      ...(token && { authorization: `Bearer ${token}` }),
      ...(json !== undefined && { "content-type": "application/json" }),
      ...headers,
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const response = await handleRequest(request, { ...api.deps(), rateLimiter: limiter });
  if (!response) throw new Error(`no route for ${path}`);
  return response;
}
interface CallOptions {
  token?: string;
  ip?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/** `RateLimit: "<policy>";r=<r>;t=<t>` with t in 1..60; returns t. */
function expectRemaining(response: Response, policy: "user" | "ip", remaining: number) {
  const match = /^"(\w+)";r=(\d+);t=(\d+)$/.exec(response.headers.get("ratelimit") ?? "");
  expect(match?.slice(1, 3)).toEqual([policy, String(remaining)]);
  const t = Number(match?.[3]);
  expect(t).toBeGreaterThanOrEqual(1);
  expect(t).toBeLessThanOrEqual(60);
  return t;
}

describe("rate-limit headers through the API pipeline", () => {
  it("a 200 and a 422 carry the user policy and what is left of it", async () => {
    const [alice, bob] = [await api.createUser(), await api.createUser()];

    const ok = await call("GET", "/api/v1/todos", { token: alice.token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ratelimit-policy")).toBe('"user";q=3;w=60');
    expectRemaining(ok, "user", 2);

    const invalid = await call("POST", "/api/v1/todos", { token: bob.token, json: { title: "" } });
    await expectProblem(invalid, 422, "validation-error");
    expect(invalid.headers.get("ratelimit-policy")).toBe('"user";q=3;w=60');
    expectRemaining(invalid, "user", 2);
  });

  it("answers 429 rate-limited with Retry-After in seconds once the user's quota is spent, before validating", async () => {
    const alice = await api.createUser();
    for (const remaining of [2, 1, 0]) {
      const response = await call("GET", "/api/v1/todos", { token: alice.token });
      expect(response.status).toBe(200);
      expectRemaining(response, "user", remaining);
    }

    // A body that would be a 422: the rate limit is checked first.
    const refused = await call("POST", "/api/v1/todos", { token: alice.token, json: {} });
    const problem = await expectProblem(refused, 429, "rate-limited");
    const t = expectRemaining(refused, "user", 0);
    expect(refused.headers.get("retry-after")).toBe(String(t));
    expect(refused.headers.get("ratelimit-policy")).toBe('"user";q=3;w=60');
    expect(problem.detail).toContain(`${t} seconds`);

    // Another user is not affected.
    const bob = await api.createUser();
    expect((await call("GET", "/api/v1/todos", { token: bob.token })).status).toBe(200);
  });

  it("counts a user's JWT and API keys against one budget: the user's", async () => {
    const alice = await api.createUser();
    const reader = await api.createApiKey(alice.id, ["todos:read"]);
    const writer = await api.createApiKey(alice.id, ["todos:write"]);
    const jwt = await call("GET", "/api/v1/todos", { token: alice.token });
    expectRemaining(jwt, "user", 2);
    const read = await call("GET", "/api/v1/todos", { token: reader.key, ip: "198.51.100.9" });
    expect(read.status).toBe(200);
    expectRemaining(read, "user", 1);
    // Refused for its scope, and still counted: the limit comes first.
    const scoped = await call("GET", "/api/v1/todos", { token: writer.key });
    await expectProblem(scoped, 403, "insufficient-scope");
    expectRemaining(scoped, "user", 0);
    for (const token of [writer.key, reader.key, alice.token]) {
      const refused = await call("GET", "/api/v1/todos", { token });
      await expectProblem(refused, 429, "rate-limited");
      expectRemaining(refused, "user", 0);
    }
  });

  it("counts callers without valid credentials per IP, and answers 429 instead of 401 once over", async () => {
    const first = await call("GET", "/api/v1/todos");
    await expectProblem(first, 401, "unauthorized");
    expect(first.headers.get("ratelimit-policy")).toBe('"ip";q=2;w=60');
    expectRemaining(first, "ip", 1);

    // A bad token counts against the IP too.
    const forged = await call("GET", "/api/v1/todos", { token: "abc.def.ghi" });
    await expectProblem(forged, 401, "unauthorized");
    expectRemaining(forged, "ip", 0);

    const refused = await call("GET", "/api/v1/me");
    await expectProblem(refused, 429, "rate-limited");
    const t = expectRemaining(refused, "ip", 0);
    expect(refused.headers.get("retry-after")).toBe(String(t));

    // Another IP has its own count.
    const elsewhere = await call("GET", "/api/v1/todos", { ip: "198.51.100.4" });
    await expectProblem(elsewhere, 401);
    expectRemaining(elsewhere, "ip", 1);
  });

  it("never counts or refuses a valid token under the IP policy, even from an exhausted IP", async () => {
    const alice = await api.createUser();
    // Authenticated requests from the IP do not use up its quota…
    for (let i = 0; i < 2; i++)
      expect((await call("GET", "/api/v1/todos", { token: alice.token })).status).toBe(200);
    expectRemaining(await call("GET", "/api/v1/todos"), "ip", 1);
    expectRemaining(await call("GET", "/api/v1/todos"), "ip", 0);
    await expectProblem(await call("GET", "/api/v1/todos"), 429, "rate-limited");

    // …and once it is spent, a valid token still gets through, under its own policy.
    const ok = await call("GET", "/api/v1/todos", { token: alice.token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ratelimit-policy")).toBe('"user";q=3;w=60');
    expectRemaining(ok, "user", 0);
  });

  it("public routes and OPTIONS carry no rate-limit headers, even from an exhausted IP", async () => {
    for (let i = 0; i < 3; i++) await call("GET", "/api/v1/todos");
    await expectProblem(await call("GET", "/api/v1/todos"), 429);

    const responses = [
      await call("GET", "/api/health"),
      await call("OPTIONS", "/api/v1/todos", {
        headers: { origin: WEB_ORIGIN, "access-control-request-method": "POST" },
      }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 204]);
    for (const response of responses) {
      expect(response.headers.get("ratelimit")).toBeNull();
      expect(response.headers.get("ratelimit-policy")).toBeNull();
      expect(response.headers.get("retry-after")).toBeNull();
    }
  });
});
