import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes";
import { type ApiHost, ISSUER, startApiHost, testApiHost, useApi } from "../support/api";
import { useBuiltCli } from "../support/run-cli";

const kind = testApiHost();
if (!kind) throw new Error("run through the http:node or http:next vitest project");

const api = useApi();
const cli = useBuiltCli();
const hosts: ApiHost[] = [];
afterAll(() => Promise.all(hosts.map((host) => host.close())));

/** A host of its own on the shared database, with the `user` policy at `limit`. */
async function hostLimitedTo(limit: string) {
  const host = await startApiHost(kind as "node" | "next", {
    DATABASE_URL: api.database.current.url,
    AUTH_JWKS_URL: api.issuer().jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: ISSUER,
    RATE_LIMIT_USER: limit,
  });
  hosts.push(host);
  return host;
}

/** Uses up the user's budget with requests of our own, until the host answers 429. */
async function exhaust(url: string, token: string) {
  for (let tries = 0; tries < 10; tries++) {
    const response = await fetch(`${url}/api/v1/todos`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.body?.cancel();
    if (response.status === 429) return;
  }
  throw new Error("never rate limited");
}

describe(`todo when rate limited (host: ${kind})`, { timeout: 60_000 }, () => {
  it("waits out Retry-After once, says so, and then succeeds", async () => {
    const host = await hostLimitedTo("2/3");
    const { token } = await api.createUser();
    // Windows start at multiples of 3 s: begin just after one, so the CLI's request lands in
    // the same window as ours (a window boundary in between would let it through at once).
    while (Date.now() % 3000 > 200) await sleep(20);
    await exhaust(host.url, token);
    const started = Date.now();
    const run = await cli.run(["ls"], { TODO_API_URL: host.url, TODO_TOKEN: token });
    expect(run.code, run.stderr).toBe(0);
    const waited = Number(
      /^Rate limited: waiting (\d+) s \(Retry-After\), then retrying once\.$/m.exec(
        run.stderr,
      )?.[1],
    );
    expect(waited).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(waited * 1000);
    expect(run.stdout).toBe("No todos.\n");
  });

  it("a Retry-After beyond 60 s is exit 7 at once, saying why", async () => {
    // Retry-After is what is left of the window: pick one with over 2 minutes left.
    let window = 600;
    while (window * 1000 - (Date.now() % (window * 1000)) < 120_000) window++;
    const host = await hostLimitedTo(`1/${window}`);
    const { token } = await api.createUser();
    await exhaust(host.url, token);
    const started = Date.now();
    const run = await cli.run(["ls"], { TODO_API_URL: host.url, TODO_TOKEN: token });
    expect(run.code).toBe(EXIT.rateLimited);
    expect(run.stderr).toMatch(
      /^Rate limited: retry after \d+ s \(longer than the 60 s this CLI waits\)\.\n$/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
