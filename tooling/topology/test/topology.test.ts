import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { todos } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, signUp as signUpAs, tokenFor } from "../src/accounts";
import { loopbackAddress, request } from "../src/http-client";
import { type Instance, startTopology, type Topology, type TopologyOptions } from "../src/topology";

// Each sign-up from an address of its own: Better Auth allows 3 per 10 s per address. The
// verification mail arrives at the topology's SMTP server.
const signUp = (topology: Topology, webUrl = topology.webUrl): Promise<Account> =>
  signUpAs(webUrl, topology.mail, { localAddress: loopbackAddress() });

import { startLoad } from "./support/load";

// Two API instances (the Next host and the Node host) and two web instances, from `pnpm
// build`'s standalone folders, behind haproxy, sharing one PostgreSQL (a database of this
// file's own) and the Redis of REDIS_URL. Rate-limit keys cannot meet another run's: users are
// new, and clients come from loopback addresses picked at random per run.

const REDIS_URL = process.env.REDIS_URL;

/** The instance whose log holds the request `requestId`, by name. */
const servedBy = (apis: Instance[], requestId: string) =>
  apis
    .filter((api) => api.logs.some((line) => line.requestId === requestId))
    .map((api) => api.name);

/**
 * Waits out the end of a fixed window: the sliding window weighs the previous window's count
 * down as soon as a new one starts, so a test that counts exactly must not straddle a boundary.
 */
async function awayFromWindowEdge(windowSeconds: number, needMs = 10_000) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await delay(left + 50);
}

/** The topology on this describe's database and the shared Redis of REDIS_URL (required). */
function startOnSharedRedis(
  databaseUrl: string,
  options: Omit<TopologyOptions, "databaseUrl" | "redisUrl">,
): Promise<Topology> {
  if (!REDIS_URL) throw new Error("REDIS_URL is not set: the topology tests need the shared Redis");
  return startTopology({ databaseUrl, redisUrl: REDIS_URL, ...options });
}

/** Shows what the servers said when an assertion fails. */
function diagnostics(topology: Topology): string {
  const tail = (text: string) => text.split("\n").slice(-40).join("\n");
  return [...topology.apis, ...topology.webs]
    .map((instance) => `--- ${instance.name}\n${tail(instance.output())}`)
    .concat(`--- haproxy\n${tail(topology.proxy.output())}`)
    .join("\n");
}

describe("several instances behind haproxy share their state", { timeout: 30_000 }, () => {
  const database = useTestDatabase();
  let topology: Topology;

  beforeAll(async () => {
    topology = await startOnSharedRedis(database.current.url, {
      env: { RATE_LIMIT_USER: "5/60", RATE_LIMIT_IP: "3/60" },
    });
  }, 90_000);
  afterAll(async () => {
    await topology?.close();
  });

  it("runs the Next host and the Node host, each seen up by haproxy", async () => {
    const servers = await topology.proxy.servers();
    expect(
      servers.map(({ backend, server, health, admin }) => ({ backend, server, health, admin })),
    ).toEqual([
      { backend: "api", server: "api-1", health: "up", admin: "ready" },
      { backend: "api", server: "api-2", health: "up", admin: "ready" },
      { backend: "web", server: "web-1", health: "up", admin: "ready" },
      { backend: "web", server: "web-2", health: "up", admin: "ready" },
    ]);
    expect(topology.apis.map((api) => api.kind)).toEqual(["next", "node"]);
  });

  it("counts one user's requests once across instances: request 6 of 5/60 is refused by either", async () => {
    const [web1] = topology.webs as [Instance];
    const { token } = await signUp(topology, web1.url);
    const authorization = `Bearer ${token}`;
    await awayFromWindowEdge(60);
    const ids = Array.from({ length: 5 }, () => `topology-${randomUUID()}`);
    for (const id of ids) {
      const answer = await request(`${topology.apiUrl}/api/v1/todos`, {
        headers: { authorization, "x-request-id": id },
      });
      expect(answer.status, answer.text).toBe(200);
    }
    // The proxy spread the five over both instances. A request's log line is written as its
    // response goes out, and reaches this process a little later: wait for all five.
    for (let waited = 0; waited < 5_000; waited += 50) {
      if (ids.every((id) => servedBy(topology.apis, id).length > 0)) break;
      await delay(50);
    }
    const served = ids.map((id) => servedBy(topology.apis, id));
    expect(
      served.every((names) => names.length === 1),
      JSON.stringify(served),
    ).toBe(true);
    expect(new Set(served.flat())).toEqual(new Set(["api-1", "api-2"]));

    for (const target of [...topology.apis.map((api) => api.url), topology.apiUrl]) {
      const refused = await request(`${target}/api/v1/todos`, { headers: { authorization } });
      expect(refused.status, `${target}: ${refused.text}`).toBe(429);
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    }
  });

  it("creates one todo for one Idempotency-Key sent to both instances at once", async () => {
    const [, web2] = topology.webs as [Instance, Instance];
    const { token, id: userId } = await signUp(topology, web2.url);
    const key = randomUUID();
    const send = (api: Instance) =>
      request(`${api.url}/api/v1/todos`, {
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "idempotency-key": key,
        },
        body: JSON.stringify({ title: "Exactly once" }),
      });
    const answers = await Promise.all(topology.apis.map(send));
    // Both 201 with the same todo, or one 201 while the other found the key in flight (409,
    // docs/API.md): never two todos.
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length, JSON.stringify(answers.map((a) => a.status))).toBeGreaterThanOrEqual(1);
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    const first = JSON.parse(created[0]?.text ?? "{}") as { id: string };
    for (const answer of created) expect(JSON.parse(answer.text)).toEqual(first);
    // Once settled, each instance replays the stored answer (one at a time: a replay holds the
    // key too).
    for (const api of topology.apis) {
      const answer = await send(api);
      expect(answer.status, answer.text).toBe(201);
      expect(JSON.parse(answer.text)).toEqual(first);
    }
    const rows = await database.current.db
      .select({ id: todos.id })
      .from(todos)
      .where(eq(todos.userId, userId));
    expect(rows).toEqual([{ id: first.id }]);
  });

  it("verifies a token issued by one web instance at the other API instance and through the proxy", async () => {
    const [webA, webB] = topology.webs as [Instance, Instance];
    const account = await signUp(topology, webA.url);
    // The web instances share the database and the secret: one JWKS, and either takes the
    // other's session.
    const jwks = await Promise.all(topology.webs.map((web) => request(`${web.url}/api/auth/jwks`)));
    const [one, two] = jwks.map((answer) => {
      expect(answer.status).toBe(200);
      return JSON.parse(answer.text) as { keys: unknown[] };
    });
    expect(one?.keys.length).toBeGreaterThan(0);
    expect(two).toEqual(one);
    const fromB = await tokenFor(webB.url, account.cookie);

    // Four checks: the user's limit here is 5/60.
    const [api1, api2] = topology.apis as [Instance, Instance];
    const checks = [
      [account.token, api2.url],
      [account.token, topology.apiUrl],
      [fromB, api1.url],
      [fromB, topology.apiUrl],
    ];
    for (const [token, target] of checks) {
      const me = await request(`${target}/api/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.status, `${target}: ${me.text}`).toBe(200);
      expect(JSON.parse(me.text)).toMatchObject({ id: account.id });
    }
  });

  it("limits unauthenticated clients by the address the proxy saw, whatever X-Forwarded-For they send", async () => {
    // Any of 127.0.0.0/8 reaches loopback, so each client can come from its own address.
    const [a, b, c, d] = [
      loopbackAddress(),
      loopbackAddress(),
      loopbackAddress(),
      loopbackAddress(),
    ];
    const call = (localAddress: string, forwardedFor?: string) =>
      request(`${topology.apiUrl}/api/v1/todos`, {
        localAddress,
        headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
      }).then((answer) => answer.status);
    await awayFromWindowEdge(60);

    // A spends its 3 (RATE_LIMIT_IP 3/60) while claiming to be someone else each time: an API
    // that believed the header would count four different clients.
    expect(await call(a, "10.1.1.1")).toBe(401);
    expect(await call(a, "10.1.1.2")).toBe(401);
    expect(await call(a, `198.51.100.7, ${loopbackAddress()}`)).toBe(401);
    expect(await call(a, "10.1.1.3")).toBe(429);
    expect(await call(a)).toBe(429);

    // B claiming to be A is still B, with its own budget.
    expect(await call(b, a)).toBe(401);
    expect(await call(b, `${a}, ${a}`)).toBe(401);

    // C claiming to be D spends C's budget, not D's.
    for (let i = 0; i < 3; i++) expect(await call(c, d)).toBe(401);
    expect(await call(c, d)).toBe(429);
    expect(await call(d)).toBe(401);
  });

  it("counts failed sign-ins per address the proxy saw, in one budget both web instances share", async () => {
    // Better Auth's default: 3 sign-in attempts per 10 s per address, kept in Redis.
    const [a, b] = [loopbackAddress(), loopbackAddress()];
    const [web1, web2] = topology.webs as [Instance, Instance];
    const signIn = (url: string, localAddress: string, forwardedFor?: string) =>
      request(`${url}/api/auth/sign-in/email`, {
        localAddress,
        headers: {
          "content-type": "application/json",
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
        },
        body: JSON.stringify({
          email: `${randomUUID()}@example.com`,
          password: "wrong-password-1",
        }),
      }).then((answer) => answer.status);

    // A, through the proxy, claims another address each time: three attempts, then refused,
    // and refused by each web instance reached directly too.
    expect(await signIn(topology.webUrl, a, "10.2.2.1")).toBe(401);
    expect(await signIn(topology.webUrl, a, "10.2.2.2")).toBe(401);
    expect(await signIn(topology.webUrl, a, b)).toBe(401);
    expect(await signIn(topology.webUrl, a, "10.2.2.3")).toBe(429);
    expect(await signIn(web1.url, a)).toBe(429);
    expect(await signIn(web2.url, a)).toBe(429);
    // B's budget was not spent by A naming it.
    expect(await signIn(topology.webUrl, b)).toBe(401);
  });
});

describe("a rolling restart behind haproxy", { timeout: 90_000 }, () => {
  const database = useTestDatabase();
  let topology: Topology;

  beforeAll(async () => {
    topology = await startOnSharedRedis(database.current.url, {
      webInstances: 1,
      env: { RATE_LIMIT_USER: "100000/60" },
    });
  }, 90_000);
  afterAll(async () => {
    await topology?.close();
  });

  it("drains, stops and restarts each API instance under load without a failed request or a lost todo", async () => {
    const { token, id: userId } = await signUp(topology);
    const load = startLoad(topology.apiUrl, token, 4);
    const { proxy } = topology;
    // Requests of the load (health checks are logged too).
    const served = (api: Instance) =>
      api.logs.filter((line) => String(line.route).startsWith("/api/v1/")).length;
    try {
      await delay(1_000);
      for (const api of topology.apis) {
        await proxy.setState("api", api.name, "drain");
        // Nothing new goes there; what is in flight through haproxy finishes first.
        await proxy.waitFor("api", api.name, (s) => s.sessions === 0, 10_000);
        expect(await api.stop("SIGTERM")).toBe(0);
        await api.start();
        await proxy.waitFor("api", api.name, (s) => s.health === "up", 20_000);
        await proxy.setState("api", api.name, "ready");
        const before = served(api);
        await delay(1_000);
        // Back in rotation: it serves again.
        expect(served(api), api.name).toBeGreaterThan(before);
      }
    } finally {
      await load.stop();
    }
    // And not thanks to haproxy's retries: a restart without the drain also ends with every
    // answer 2xx here, but only because ~100 requests hit a stopped instance and were redispatched.
    const api = (await proxy.servers()).filter((server) => server.backend === "api");
    expect(
      api.map(({ server, retries, redispatches }) => ({ server, retries, redispatches })),
    ).toEqual([
      { server: "api-1", retries: 0, redispatches: 0 },
      { server: "api-2", retries: 0, redispatches: 0 },
    ]);
    const { statuses, failures, created } = load.result;
    expect(failures, `${failures.join("\n")}\n${diagnostics(topology)}`).toEqual([]);
    // Not vacuous: the load ran all along.
    expect(statuses.length).toBeGreaterThan(100);
    const rows = await database.current.db
      .select({ id: todos.id })
      .from(todos)
      .where(eq(todos.userId, userId));
    expect(rows.map((row) => row.id).sort()).toEqual([...created].sort());
  });
});
