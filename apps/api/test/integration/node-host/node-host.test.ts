import { user } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, type HostProcess, spawnHost, startHost } from "../../support/compiled-host";
import { accepts, slowCreate } from "../../support/in-flight";
import { createThenList } from "../../support/readme-flow";

// AUTH_JWT_SECRET: base64 of 32 random bytes.
const SECRET = "/JU4HUqysfSlbS7hMlZcntbZaStNTYMm3REWcWdZPTQ=";
const ISSUER = "http://issuer.test";

function token(sub: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(ISSUER)
    .setIssuedAt()
    .setExpirationTime("15m")
    .sign(Buffer.from(SECRET, "base64"));
}

// Not in the Neon project (vitest.config.ts): the host picks its driver from DATABASE_URL, and a
// local URL always means TCP, so there it would only repeat the same run.
// Each test starts a process (a few seconds on a busy machine): more time than the default.
describe("the compiled Node host", { timeout: 40_000 }, () => {
  const database = useTestDatabase();
  const running: HostProcess[] = [];
  let env: Record<string, string>;
  let bearer: string;

  beforeAll(async () => {
    ensureBuilt();
    env = {
      DATABASE_URL: database.current.url,
      AUTH_JWT_SECRET: SECRET,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: ISSUER,
      LOG_LEVEL: "info",
      RATE_LIMIT_USER: "10000/60",
    };
    await database.current.db
      .insert(user)
      .values({ id: "host-user", name: "Host", email: "host@example.test", emailVerified: true });
    bearer = await token("host-user");
  });
  afterAll(() => {
    for (const host of running) host.child.kill("SIGKILL");
  });
  const start = async (extra: Record<string, string> = {}) => {
    const host = await startHost({ ...env, ...extra });
    running.push(host);
    return host;
  };

  it("serves the README's flow over HTTP: create a todo with a token, then list it", async () => {
    const host = await start();
    const { id, data } = await createThenList(host.url, bearer);
    expect(data).toContainEqual(expect.objectContaining({ id, title: "Buy milk" }));
    expect((await fetch(`${host.url}/api/health/ready`)).status).toBe(200);
    // The pipeline's one JSON line per request reaches stdout.
    await host.waitForLog((line) => line.route === "/api/v1/todos" && line.status === 201);

    host.child.kill("SIGTERM");
    expect(await host.exited).toBe(0);
  });

  it("on SIGTERM answers all 50 requests in flight, stops accepting, exits 0 and closes the port", async () => {
    const host = await start();
    const requests = Array.from({ length: 50 }, (_, i) =>
      slowCreate(host.port, bearer, `in flight ${i}`),
    );
    await Promise.all(requests.map((r) => r.connected));
    // Their headers were sent before this request's connection opened: once it is answered,
    // the server has taken all 50 in.
    expect((await fetch(`${host.url}/api/health`)).status).toBe(200);

    host.child.kill("SIGTERM");
    const shuttingDown = await host.waitForLog((line) => line.msg === "shutting down");
    expect(shuttingDown.inFlight).toBe(50);
    expect(await accepts(host.port)).toBe(false);

    for (const request of requests) request.finish();
    const responses = await Promise.all(requests.map((r) => r.response));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(responses.every((r) => r.connection === "close")).toBe(true);
    expect(await host.exited).toBe(0);
    expect(host.logs.at(-1)?.msg, JSON.stringify(host.logs.slice(-4)) + host.stderr()).toBe(
      "stopped",
    );
    expect(await accepts(host.port)).toBe(false);
  });

  it("exits 1 after logging when the grace period runs out", async () => {
    const host = await start({ SHUTDOWN_GRACE_MS: "300" });
    const stuck = slowCreate(host.port, bearer, "never finished");
    await stuck.connected;
    expect((await fetch(`${host.url}/api/health`)).status).toBe(200);

    host.child.kill("SIGTERM");
    expect(await host.exited).toBe(1);
    expect(host.logs.at(-1)).toMatchObject({ level: "error", inFlight: 1, graceMs: 300 });
  });

  it.each([
    ["LOG_LEVEL", "loud"],
    ["DATABASE_URL", "not a url"],
    ["PORT", "99999"],
    ["SHUTDOWN_GRACE_MS", "soon"],
  ])("refuses to start with a bad %s, exit 1 naming it", async (name, value) => {
    const host = spawnHost({ ...env, PORT: "0", [name]: value });
    expect(await host.exited).toBe(1);
    expect(host.stderr()).toMatch(new RegExp(`Refusing to start:[\\s\\S]*${name}`));
  });

  it("refuses to start with an unknown OTEL_TRACES_SAMPLER when telemetry is on, exit 1 naming it", async () => {
    const host = spawnHost({
      ...env,
      PORT: "0",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9",
      OTEL_TRACES_SAMPLER: "sometimes",
    });
    expect(await host.exited).toBe(1);
    expect(host.stderr()).toMatch(/Refusing to start:[\s\S]*OTEL_TRACES_SAMPLER/);
  });
});
