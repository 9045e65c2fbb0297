import {
  type ApiKeyVerifier,
  type ApiScope,
  createApiKeyVerifier,
} from "@repo/auth/api-key-verifier";
import { type Auth, createAuth, mintApiKey } from "@repo/auth/server";
import { createVerifier } from "@repo/auth/verifier";
import { user } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { afterAll, beforeAll } from "vitest";
import { handleRequest } from "../../src/app";
import type { ApiDeps } from "../../src/deps";
import {
  DEFAULT_LABEL_LIMIT_PER_USER,
  DEFAULT_PROJECT_LIMIT_PER_USER,
  DEFAULT_TODO_LIMIT_PER_USER,
} from "../../src/env";
import { createMemoryLimiter } from "../../src/rate-limit/memory-limiter";
import { type ApiHost, startApiHost, testApiHost } from "./api-host";
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

/** A personal API key as Better Auth's api-key plugin created it: the one time its plaintext is seen. */
export interface TestApiKey {
  id: string;
  key: string;
}

/** How long the in-process API remembers a verified key (production: 5 s). */
export const TEST_API_KEY_CACHE_SECONDS = 1;

/**
 * The API as a client sees it, in-process: the real pipeline and handlers (`handleRequest`, the same
 * route table the Next route files adapt), a real PostgreSQL of this file's own, and real JWT
 * verification against a local issuer's JWKS.
 */
export function useApi() {
  const database = useTestDatabase();
  const { lines: logs, logger } = captureLogs();
  const hostKind = testApiHost();
  let issuer: TestIssuer;
  let verifier: ReturnType<typeof createVerifier>;
  let apiKeyVerifier: ApiKeyVerifier;
  let auth: Auth | undefined;
  let host: ApiHost | undefined;
  let userCount = 0;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    verifier = createVerifier({
      mode: "jwks",
      jwksUrl: issuer.jwksUrl,
      issuer: ISSUER,
      audience: ISSUER,
    });
    apiKeyVerifier = createApiKeyVerifier({
      db: database.current.db,
      logger,
      cacheSeconds: TEST_API_KEY_CACHE_SECONDS,
    });
    // Over HTTP: a production host on this file's database and issuer, configured as
    // production configures it, logging to its stdout (read into `logs`).
    if (hostKind)
      host = await startApiHost(hostKind, {
        DATABASE_URL: database.current.url,
        AUTH_JWKS_URL: issuer.jwksUrl,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: ISSUER,
        ALLOWED_ORIGINS: WEB_ORIGIN,
        RATE_LIMIT_USER: "100000/60",
        RATE_LIMIT_IP: "100000/60",
        LOG_LEVEL: "info",
      });
  });
  afterAll(async () => {
    await host?.close();
    await issuer?.close();
  });

  /** In-process through `handleRequest`, or over HTTP to the host of this project. */
  async function send(request: Request): Promise<Response> {
    if (!host) return handleRequest(request, deps());
    const url = new URL(request.url);
    const response = await fetch(`${host.url}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      // Whole bytes, so the request carries a Content-Length as a client's would.
      body: request.body ? new Uint8Array(await request.arrayBuffer()) : undefined,
      redirect: "manual",
    });
    // The line is written before the response; wait for it to be read, so `logs` is complete.
    const id = response.headers.get("x-request-id");
    const logged = host.logs;
    for (let waited = 0; id && waited < 2_000; waited += 10) {
      if (logged.some((line) => line.includes(id))) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return response;
  }

  // Generous limits: the rate-limit tests build their own limiter.
  const rateLimiter = createMemoryLimiter({
    user: { name: "user", requests: 100_000, windowSeconds: 60 },
    ip: { name: "ip", requests: 100_000, windowSeconds: 60 },
  });
  const deps = (): ApiDeps => ({
    db: database.current.db,
    verifier,
    apiKeyVerifier,
    logger,
    rateLimiter,
    allowedOrigins: [WEB_ORIGIN],
    // In process, the test is the proxy: its X-Forwarded-For names the client.
    trustedProxies: { kind: "count", hops: 1 },
    todoLimitPerUser: DEFAULT_TODO_LIMIT_PER_USER,
    projectLimitPerUser: DEFAULT_PROJECT_LIMIT_PER_USER,
    labelLimitPerUser: DEFAULT_LABEL_LIMIT_PER_USER,
  });

  return {
    database,
    /** The request log: the in-process logger's lines, or the host's stdout over HTTP. */
    get logs() {
      return host ? host.logs : logs;
    },
    deps,
    /** How `call` reaches the API (the typed-client test sends its own requests this way). */
    send,
    /** The host's base URL, over HTTP only. */
    url(): string {
      if (!host) throw new Error("api.url(): only in the http:* test projects");
      return host.url;
    },
    issuer: () => issuer,

    /** A user row (as Better Auth would create it) and a valid token for it. */
    async createUser(): Promise<TestUser> {
      const id = `user-${++userCount}-${Math.random().toString(36).slice(2, 8)}`;
      await database.current.db
        .insert(user)
        .values({ id, name: id, email: `${id}@example.test`, emailVerified: true });
      return { id, token: await issuer.token(id) };
    },

    /**
     * A personal API key of `userId` with these scopes, created through Better Auth's api-key
     * plugin on this file's database, as the web app and the device login create them.
     */
    async createApiKey(
      userId: string,
      scopes: readonly ApiScope[],
      { expiresInDays = 7 }: { expiresInDays?: number } = {},
    ): Promise<TestApiKey> {
      auth ??= createAuth({
        db: database.current.db,
        secret: "api-key-test-secret-".padEnd(40, "k"),
        baseURL: WEB_ORIGIN,
      });
      const created = await mintApiKey(auth, {
        userId,
        name: "test key",
        expiresInSeconds: expiresInDays * 24 * 3600,
        scopes,
      });
      return { id: created.id, key: created.key };
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
      const response = await send(request);
      // Every response the suite receives must be one the OpenAPI document promises.
      await expectDocumented(method, path, response);
      return response;
    },
  };
}
