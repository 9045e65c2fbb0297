import { createAuth } from "@repo/auth/server";
import { postAuth, signUpVerified } from "@repo/auth/testing";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createMailer } from "@repo/mail";
import { type SmtpSink, startSmtpSink } from "@repo/mail/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, type HostProcess, startHost } from "../../support/compiled-host";

const WEB = "http://localhost:3000";
// AUTH_JWT_SECRET: base64 of 32 random bytes (no JWT is used here; the hosts need a mode).
const SECRET = "/JU4HUqysfSlbS7hMlZcntbZaStNTYMm3REWcWdZPTQ=";
/** What docs/API.md promises: a revoked key is refused on every instance within this. */
const REVOCATION_BOUND_MS = 10_000;

// The issue's lifecycle, end to end: a key created by the web app's Better Auth for a signed-in
// user, used on two API instances (the compiled Node host, twice, on one database, with the
// default key cache), refused for a scope it lacks, revoked in the web app, and refused by both
// instances within 10 s. Not in the Neon project: the host picks its driver from its URL.
describe("an API key across two API instances", { timeout: 60_000 }, () => {
  const database = useTestDatabase();
  const running: HostProcess[] = [];
  let sink: SmtpSink;
  let auth: ReturnType<typeof createAuth>;
  let hosts: { name: string; url: string }[];

  beforeAll(async () => {
    ensureBuilt();
    sink = await startSmtpSink();
    auth = createAuth({
      db: database.current.db,
      secret: "revocation-test-secret-".padEnd(40, "r"),
      baseURL: WEB,
      mailer: createMailer({ transport: "smtp", url: sink.url, from: "t@example.test" }),
    });
    const env = {
      DATABASE_URL: database.current.url,
      AUTH_JWT_SECRET: SECRET,
      AUTH_ISSUER: WEB,
      AUTH_AUDIENCE: WEB,
      LOG_LEVEL: "info",
      RATE_LIMIT_USER: "10000/60",
      RATE_LIMIT_IP: "10000/60",
    };
    const started = await Promise.all([startHost(env), startHost(env)]);
    running.push(...started);
    hosts = started.map((host, i) => ({ name: i === 0 ? "A" : "B", url: host.url }));
  });
  afterAll(async () => {
    for (const host of running) host.child.kill("SIGKILL");
    await sink?.close();
  });

  const call = async (url: string, method: string, key: string, json?: object) => {
    const response = await fetch(`${url}/api/v1/todos`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(json ? { "content-type": "application/json" } : {}),
      },
      ...(json ? { body: JSON.stringify(json) } : {}),
    });
    await response.arrayBuffer();
    return response;
  };

  it("works on both, is refused a scope it lacks on both, and once revoked is refused by both within 10 s", async () => {
    const web = { handle: auth.handler, baseUrl: WEB, waitForMail: sink.waitForMail };
    const { cookie } = await signUpVerified(web, { email: "lifecycle@example.test" });
    const created = await postAuth(
      web,
      "/api-key/create-scoped",
      { name: "laptop", expiresInDays: 30, scopes: ["todos:read"] },
      { cookie },
    );
    expect(created.status).toBe(200);
    const { id, key } = (await created.json()) as { id: string; key: string };
    expect(key).toMatch(/^todo_/);

    for (const { name, url } of hosts) {
      expect((await call(url, "GET", key)).status, name).toBe(200);
      const refused = await call(url, "POST", key, { title: "not allowed" });
      expect(refused.status, name).toBe(403);
      expect(refused.headers.get("www-authenticate"), name).toBe(
        'Bearer realm="todo-api", error="insufficient_scope", scope="todos:write"',
      );
      // Verified (and remembered) on this instance just now.
      expect((await call(url, "GET", key)).status, name).toBe(200);
    }

    const revoked = await postAuth(web, "/api-key/delete", { keyId: id }, { cookie });
    expect(revoked.status).toBe(200);
    const revokedAt = performance.now();

    const seenAfter = await Promise.all(
      hosts.map(async ({ name, url }) => {
        for (;;) {
          const status = (await call(url, "GET", key)).status;
          const elapsed = performance.now() - revokedAt;
          if (status === 401) return elapsed;
          expect(status, name).toBe(200);
          if (elapsed > REVOCATION_BOUND_MS + 2_000) return elapsed;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    const [a = Number.NaN, b = Number.NaN] = seenAfter.map((ms) => ms / 1000);
    console.log(`revocation seen after ${a.toFixed(2)} s on A, ${b.toFixed(2)} s on B`);
    for (const ms of seenAfter) expect(ms).toBeLessThan(REVOCATION_BOUND_MS);
  });
});
