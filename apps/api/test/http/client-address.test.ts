import { randomBytes } from "node:crypto";
import http from "node:http";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHost, startApiHost, testApiHost } from "../support/api-host";
import { ISSUER, startTestIssuer, type TestIssuer } from "../support/issuer";

const kind = testApiHost();
if (!kind) throw new Error("run through the http:node or http:next vitest project");

/**
 * An unauthenticated GET from a chosen loopback address (Linux routes all of 127.0.0.0/8 to
 * the loopback interface), with the headers a client chooses. Resolves with the status and
 * the `ip` policy's remaining budget.
 */
function askFrom(url: string, localAddress: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; remaining: number | undefined }>((resolve, reject) => {
    http
      .get(`${url}/api/v1/todos`, { localAddress, headers }, (response) => {
        response.resume();
        const match = /^"ip";r=(\d+);t=\d+$/.exec(String(response.headers.ratelimit ?? ""));
        resolve({
          status: response.statusCode ?? 0,
          remaining: match ? Number(match[1]) : undefined,
        });
      })
      .on("error", reject);
  });
}

const forged = () => `198.51.100.${randomBytes(1)[0]}`;

describe(`the client's address (host: ${kind})`, { timeout: 60_000 }, () => {
  const database = useTestDatabase();
  let issuer: TestIssuer;
  const hosts: ApiHost[] = [];
  const start = async (env: Record<string, string>) => {
    const host = await startApiHost(kind, {
      DATABASE_URL: database.current.url,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: ISSUER,
      RATE_LIMIT_IP: "3/60",
      ...env,
    });
    hosts.push(host);
    return host;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(async () => {
    await Promise.all(hosts.map((host) => host.close()));
    await issuer?.close();
  });

  it("with no trusted proxy, is the socket's address whatever the client sends", async () => {
    const { url } = await start({});
    const tries = [];
    for (let i = 0; i < 4; i++)
      tries.push(
        await askFrom(url, "127.0.0.2", {
          "x-forwarded-for": forged(),
          "x-real-ip": forged(),
          "x-todo-peer-address": forged(),
        }),
      );
    expect(tries).toEqual([
      { status: 401, remaining: 2 },
      { status: 401, remaining: 1 },
      { status: 401, remaining: 0 },
      { status: 429, remaining: 0 },
    ]);
    // Another address has its own budget, and naming the first one doesn't spend it.
    expect(await askFrom(url, "127.0.0.3", { "x-forwarded-for": "127.0.0.2" })).toEqual({
      status: 401,
      remaining: 2,
    });
    expect(await askFrom(url, "127.0.0.3")).toEqual({ status: 401, remaining: 1 });
  });

  it("behind a trusted proxy, is the address that proxy appended", async () => {
    // The proxy is 127.0.0.4: what it appends names the client; anyone else is the client.
    const { url } = await start({ TRUSTED_PROXIES: "127.0.0.4/32" });
    const viaProxy = (client: string) =>
      askFrom(url, "127.0.0.4", { "x-forwarded-for": `${forged()}, ${client}` });
    expect(await viaProxy("203.0.113.1")).toEqual({ status: 401, remaining: 2 });
    expect(await viaProxy("203.0.113.1")).toEqual({ status: 401, remaining: 1 });
    expect(await viaProxy("203.0.113.2")).toEqual({ status: 401, remaining: 2 });
    // IPv6 clients share the budget of their /64.
    expect(await viaProxy("2001:db8:1:2::a")).toEqual({ status: 401, remaining: 2 });
    expect(await viaProxy("2001:db8:1:2::b")).toEqual({ status: 401, remaining: 1 });
    expect(await viaProxy("2001:db8:1:3::a")).toEqual({ status: 401, remaining: 2 });
    // A client that is not the proxy cannot name someone else.
    expect(await askFrom(url, "127.0.0.5", { "x-forwarded-for": "203.0.113.1" })).toEqual({
      status: 401,
      remaining: 2,
    });
  });

  it("refuses to start with a TRUSTED_PROXIES it cannot read, naming it", async () => {
    await expect(start({ TRUSTED_PROXIES: "the load balancer" })).rejects.toThrow(
      /TRUSTED_PROXIES/,
    );
  });
});
