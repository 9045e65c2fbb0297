import { createVerifier } from "@repo/auth/verifier";
import { user } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { afterAll, beforeAll } from "vitest";
import { handleRequest } from "../../src/app";
import type { ApiDeps } from "../../src/deps";
import { createMemoryLimiter } from "../../src/rate-limit/memory-limiter";
import { captureLogs } from "./capture-logs";
import { ISSUER, startTestIssuer, type TestIssuer } from "./issuer";
import { expectDocumented } from "./openapi-conformance";

/** The origin tests treat as the web app's (allowed by CORS). */
export const WEB_ORIGIN = "http://localhost:3000";

export interface CallOptions {
  token?: string;
  /** Sent as JSON with `Content-Type: application/json` unless `headers` say otherwise. */
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface TestUser {
  id: string;
  token: string;
}

/**
 * The API as a client sees it, in-process: the real pipeline and handlers (`handleRequest`, the same
 * route table the Next route files adapt), a real PostgreSQL of this file's own, and real JWT
 * verification against a local issuer's JWKS.
 */
export function useApi() {
  const database = useTestDatabase();
  const { lines: logs, logger } = captureLogs();
  let issuer: TestIssuer;
  let verifier: ReturnType<typeof createVerifier>;
  let userCount = 0;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    verifier = createVerifier({
      mode: "jwks",
      jwksUrl: issuer.jwksUrl,
      issuer: ISSUER,
      audience: ISSUER,
    });
  });
  afterAll(async () => {
    await issuer?.close();
  });

  // Generous limits: the rate-limit tests build their own limiter.
  const rateLimiter = createMemoryLimiter({
    user: { name: "user", requests: 100_000, windowSeconds: 60 },
    ip: { name: "ip", requests: 100_000, windowSeconds: 60 },
  });
  const deps = (): ApiDeps => ({
    db: database.current.db,
    verifier,
    logger,
    rateLimiter,
    allowedOrigins: [WEB_ORIGIN],
  });

  return {
    database,
    logs,
    deps,
    issuer: () => issuer,

    /** A user row (as Better Auth would create it) and a valid token for it. */
    async createUser(): Promise<TestUser> {
      const id = `user-${++userCount}-${Math.random().toString(36).slice(2, 8)}`;
      await database.current.db
        .insert(user)
        .values({ id, name: id, email: `${id}@example.test`, emailVerified: true });
      return { id, token: await issuer.token(id) };
    },

    async call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
      const headers = new Headers(options.headers);
      if (options.token) headers.set("authorization", `Bearer ${options.token}`);
      let body = options.body;
      if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        if (!headers.has("content-type")) headers.set("content-type", "application/json");
      }
      const request = new Request(`http://localhost:3001${path}`, { method, headers, body });
      const response = await handleRequest(request, deps());
      if (!response) throw new Error(`no route for ${path}`);
      // Every response the suite receives must be one the OpenAPI document promises.
      await expectDocumented(method, path, response);
      return response;
    },
  };
}
