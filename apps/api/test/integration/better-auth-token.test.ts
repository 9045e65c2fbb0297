import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_API_AUDIENCE } from "@repo/auth/api-audience";
import { createAuth } from "@repo/auth/server";
import { signUpVerified } from "@repo/auth/testing";
import { createVerifier } from "@repo/auth/verifier";
import { createMailer } from "@repo/mail";
import { type SmtpSink, startSmtpSink } from "@repo/mail/testing";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRequest } from "../../src/app";
import { loadConfig } from "../../src/env";
import { useApi } from "../support/api";

const api = useApi();
const WEB = "http://localhost:3000";

// The real issuer: Better Auth as apps/web configures it, on this file's database. Its JWKS is
// served over HTTP, and the API verifies its tokens exactly as in production.
describe("a token issued by Better Auth", () => {
  let auth: ReturnType<typeof createAuth>;
  // Better Auth's own default audience, the web origin: what the web app issued before.
  let webAudienceAuth: ReturnType<typeof createAuth>;
  let jwksServer: http.Server;
  let jwksUrl: string;
  let sink: SmtpSink;

  beforeAll(async () => {
    // Sign-ups are verified through the mail, sent over SMTP to a real SMTP server.
    sink = await startSmtpSink();
    const options = {
      db: api.database.current.db,
      secret: "test-secret-test-secret-test-secret-0123",
      baseURL: WEB,
      mailer: createMailer({ transport: "smtp", url: sink.url, from: "t@example.test" }),
    };
    auth = createAuth(options);
    webAudienceAuth = createAuth({ ...options, audience: WEB });
    jwksServer = http.createServer(async (_, res) => {
      const jwks = await auth.handler(new Request(`${WEB}/api/auth/jwks`));
      res.writeHead(jwks.status, { "content-type": "application/json" }).end(await jwks.text());
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/api/auth/jwks`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
    await sink.close();
  });

  // The verifier as the API's configuration builds it, with only the issuer's URLs given.
  const apiVerifier = () =>
    createVerifier(loadConfig({ BETTER_AUTH_URL: WEB, AUTH_JWKS_URL: jwksUrl }).auth);

  async function signUp(email: string, issuer = auth) {
    const { cookie, userId } = await signUpVerified(
      { handle: (request) => issuer.handler(request), baseUrl: WEB, waitForMail: sink.waitForMail },
      { email, name: "Ada" },
    );
    const tokenResponse = await issuer.handler(
      new Request(`${WEB}/api/auth/token`, { headers: { cookie } }),
    );
    expect(tokenResponse.status).toBe(200);
    const { token } = (await tokenResponse.json()) as { token: string };
    return { token, userId };
  }

  it("carries only sub, email, name, iss, aud, iat and exp", async () => {
    const { token, userId } = await signUp("claims@example.test");
    const claims = decodeJwt(token);
    expect(Object.keys(claims).sort()).toEqual([
      "aud",
      "email",
      "exp",
      "iat",
      "iss",
      "name",
      "sub",
    ]);
    expect(claims).toMatchObject({
      sub: userId,
      iss: WEB,
      aud: DEFAULT_API_AUDIENCE,
      email: "claims@example.test",
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(15 * 60);
  });

  it("is accepted by the API, which creates and lists the user's todos", async () => {
    const { token, userId } = await signUp("ada@example.test");
    const deps = {
      ...api.deps(),
      verifier: apiVerifier(),
    };
    const call = async (method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body) headers["content-type"] = "application/json";
      const request = new Request(`http://localhost:3001${path}`, {
        method,
        headers,
        body: body ? JSON.stringify(body) : undefined,
      });
      const response = await handleRequest(request, deps);
      if (!response) throw new Error("no response");
      return response;
    };

    const me = await call("GET", "/api/v1/me");
    expect(await me.json()).toEqual({ id: userId, email: "ada@example.test", name: "Ada" });
    expect((await call("POST", "/api/v1/todos", { title: "From Better Auth" })).status).toBe(201);
    const list = await (await call("GET", "/api/v1/todos")).json();
    expect(list.data.map((t: { title: string }) => t.title)).toEqual(["From Better Auth"]);
  });

  it("is refused by the API (401) when its audience is the web origin", async () => {
    const { token } = await signUp("web-audience@example.test", webAudienceAuth);
    expect(decodeJwt(token).aud).toBe(WEB);
    const response = await handleRequest(
      new Request("http://localhost:3001/api/v1/me", {
        headers: { authorization: `Bearer ${token}` },
      }),
      { ...api.deps(), verifier: apiVerifier() },
    );
    expect(response.status).toBe(401);
  });
});
