import { createHash } from "node:crypto";
import { createApiKeyVerifier } from "@repo/auth/api-key-verifier";
import { createVerifier } from "@repo/auth/verifier";
import { createDatabase } from "@repo/db/client";
import { testDriver, testDriverOptions } from "@repo/db/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRequest } from "../../src/app";
import { createRateLimiter } from "../../src/rate-limit/create-rate-limiter";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";
import { ISSUER } from "../support/issuer";

const api = useApi();

async function call(deps: ReturnType<typeof api.deps>, path: string, token?: string) {
  const headers = token ? { authorization: `Bearer ${token}` } : undefined;
  const response = await handleRequest(
    new Request(`http://localhost:3001${path}`, { headers }),
    deps,
  );
  if (!response) throw new Error("no response");
  return response;
}

describe(`when the database is unreachable (driver: ${testDriver()})`, () => {
  // Port 9 (discard) has no PostgreSQL: connections are refused, as when the server is down.
  let down: ReturnType<typeof createDatabase>;
  beforeAll(() => {
    const url = "postgres://postgres@127.0.0.1:9/none";
    down = createDatabase({ url, max: 1, ...testDriverOptions() });
  });
  afterAll(() => down.close());

  it("answers 503 with Retry-After, and readiness fails", async () => {
    const alice = await api.createUser();
    const deps = { ...api.deps(), db: down.db };
    const response = await call(deps, "/api/v1/todos", alice.token);
    const problem = await expectProblem(response, 503, "service-unavailable");
    expect(response.headers.get("retry-after")).toBe("5");
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/);
    await expectProblem(await call(deps, "/api/health/ready"), 503);
  });

  it("answers 503, not 401, to an API key it cannot look up", async () => {
    const alice = await api.createUser();
    const { key } = await api.createApiKey(alice.id, ["todos:read"]);
    const apiKeyVerifier = createApiKeyVerifier({ db: down.db, logger: api.deps().logger });
    const response = await call(
      { ...api.deps(), db: down.db, apiKeyVerifier },
      "/api/v1/todos",
      key,
    );
    const problem = await expectProblem(response, 503, "service-unavailable");
    expect(response.headers.get("retry-after")).toBe("5");
    expect(JSON.stringify(problem)).not.toContain(key);
    // The failed query is logged without its bound values: the key's hash is one.
    const logged = api.logs.join("\n");
    expect(logged).toContain("request failed");
    for (const secret of [key, createHash("sha256").update(key).digest("base64url")])
      expect(logged).not.toContain(secret);
  });

  it("liveness does not touch it", async () => {
    const response = await call({ ...api.deps(), db: down.db }, "/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("readiness", () => {
  it("reports a shared rate-limit store that is down, but stays ready (limits fail open)", async () => {
    // A real Redis client, pointed where no Redis listens.
    const rateLimiter = createRateLimiter({
      policies: {
        user: { name: "user", requests: 10, windowSeconds: 60 },
        ip: { name: "ip", requests: 10, windowSeconds: 60 },
      },
      store: { kind: "redis", url: "redis://127.0.0.1:9" },
      logger: api.deps().logger,
    });
    try {
      const response = await call({ ...api.deps(), rateLimiter }, "/api/health/ready");
      expect(response.status).toBe(200);
      // Which dependency is down is not for a public route to say.
      expect(await response.json()).toEqual({ status: "degraded" });
    } finally {
      await rateLimiter.close();
    }
  });

  it(`answers 200 when the database answers (driver: ${testDriver()})`, async () => {
    const response = await call(api.deps(), "/api/health/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("asks the database at most once a second, whoever asks", async () => {
    const deps = api.deps();
    let queries = 0;
    const db = new Proxy(deps.db, {
      get(target, property, receiver) {
        if (property === "execute")
          return (...args: unknown[]) => {
            queries++;
            return (target.execute as (...a: unknown[]) => unknown)(...args);
          };
        return Reflect.get(target, property, receiver);
      },
    });
    const counted = { ...deps, db };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(counted, "/api/health/ready")),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(await call(counted, "/api/health/ready").then((r) => r.status)).toBe(200);
    expect(queries).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await call(counted, "/api/health/ready");
    expect(queries).toBe(2);
  });
});

describe("an unexpected error", () => {
  it("is a generic 500 whose cause is logged with the request id, never shown", async () => {
    const alice = await api.createUser();
    // A database without the schema: the query fails with a real PostgreSQL error.
    const adminUrl = new URL(api.database.current.url);
    adminUrl.pathname = "/postgres";
    const wrong = createDatabase({ url: adminUrl.toString(), max: 1, ...testDriverOptions() });
    try {
      api.logs.length = 0;
      const response = await call({ ...api.deps(), db: wrong.db }, "/api/v1/todos", alice.token);
      const problem = await expectProblem(response, 500, "internal-error");
      expect(problem.detail).toBe("An unexpected error occurred.");
      expect(JSON.stringify(problem)).not.toMatch(/relation|select|does not exist|42P01/i);
      const errorLine = api.logs.map((l) => JSON.parse(l)).find((l) => l.level === "error");
      expect(errorLine.requestId).toBe(problem.requestId);
      const logged = JSON.stringify(errorLine.error);
      expect(logged).toMatch(/relation \\"todos\\" does not exist/);
      expect(errorLine.error.cause.code).toBe("42P01");
      // Bound parameters are client data: the log keeps the SQL, never the values.
      expect(logged).not.toContain(alice.id);
    } finally {
      await wrong.close();
    }
  });
});

describe("when the token issuer's JWKS is unreachable", () => {
  it("answers 503 (not 401) while no cached key can verify the token", async () => {
    const alice = await api.createUser();
    const verifier = createVerifier({
      mode: "jwks",
      jwksUrl: "http://127.0.0.1:9/api/auth/jwks",
      issuer: ISSUER,
      audience: ISSUER,
      timeoutMs: 1000,
    });
    const response = await call({ ...api.deps(), verifier }, "/api/v1/todos", alice.token);
    await expectProblem(response, 503, "service-unavailable");
    expect(response.headers.get("retry-after")).toBe("5");
  });
});
