import { describe, expect, it } from "vitest";
import { limitKey, normalizeAddress, parseTrustedProxies, resolveClientAddress } from "../src";

const resolve = (trusted: string | undefined, forwardedFor: string | null, peer?: string) =>
  resolveClientAddress({ forwardedFor, peer, trusted: parseTrustedProxies(trusted) });

describe("parseTrustedProxies", () => {
  it("reads none, a count, and a list of addresses and networks", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "none" });
    expect(parseTrustedProxies(" ")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("2")).toEqual({ kind: "count", hops: 2 });
    expect(parseTrustedProxies("10.0.0.0/8, fd00::/8,127.0.0.1").kind).toBe("cidrs");
  });

  it.each([
    "17",
    "-1",
    "proxy.internal",
    "10.0.0.0/33",
    "fd00::/129",
    "10.0.0.0/8/1",
    "10.0.0.0/x",
    "10.0.0.0/8,,",
    "1.2.3",
  ])("refuses %j with a message naming it", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow();
  });
});

describe("resolveClientAddress", () => {
  it("with no trusted proxy, is the peer whatever the client sends", () => {
    expect(resolve(undefined, "198.51.100.1", "203.0.113.9")).toBe("203.0.113.9");
    expect(resolve(undefined, null, "::ffff:203.0.113.9")).toBe("203.0.113.9");
    // A Next route handler without a server of ours: nothing it can trust.
    expect(resolve(undefined, "198.51.100.1", undefined)).toBeUndefined();
  });

  it("with a count, skips that many proxies from the server outwards", () => {
    // client → proxy (appends the client) → server; the peer is the proxy.
    expect(resolve("1", "6.6.6.6, 198.51.100.1", "10.0.0.2")).toBe("198.51.100.1");
    expect(resolve("2", "6.6.6.6, 198.51.100.1, 10.0.0.1", "10.0.0.2")).toBe("198.51.100.1");
    // Under Next the peer is the nearest proxy itself, so the same answer from the header alone.
    expect(resolve("1", "6.6.6.6, 198.51.100.1", undefined)).toBe("198.51.100.1");
    expect(resolve("2", "6.6.6.6, 198.51.100.1, 10.0.0.1", undefined)).toBe("198.51.100.1");
    // Fewer hops than proxies: the outermost one a proxy vouches for.
    expect(resolve("2", null, "10.0.0.2")).toBe("10.0.0.2");
    expect(resolve("3", "198.51.100.1", "10.0.0.2")).toBe("198.51.100.1");
    expect(resolve("1", null, undefined)).toBeUndefined();
  });

  it("with networks, is the first hop outside them", () => {
    const trusted = "10.0.0.0/8, fd00::/8";
    expect(resolve(trusted, "6.6.6.6, 198.51.100.1, 10.1.1.1", "10.0.0.2")).toBe("198.51.100.1");
    expect(resolve(trusted, "6.6.6.6", "198.51.100.7")).toBe("198.51.100.7");
    expect(resolve(trusted, "2001:db8::1, fd00::5", "fd00::6")).toBe("2001:db8::1");
    // Every hop trusted: the outermost.
    expect(resolve(trusted, "10.9.9.9", "10.0.0.2")).toBe("10.9.9.9");
    // An entry a trusted proxy could not have written: no address rather than a guess.
    expect(resolve(trusted, "not-an-ip, 10.1.1.1", "10.0.0.2")).toBeUndefined();
  });

  it("accepts the forms proxies write, and refuses what is not an address", () => {
    expect(resolve("1", "[2001:db8::1]:4711", "10.0.0.2")).toBe("2001:db8::1");
    expect(resolve("1", "198.51.100.1:4711", "10.0.0.2")).toBe("198.51.100.1");
    expect(resolve("1", "unknown", "10.0.0.2")).toBeUndefined();
    expect(resolve("1", "198.51.100.1,,", "10.0.0.2")).toBeUndefined();
    // An empty header is no header: the request reached the server without a proxy.
    expect(resolve("1", "", "10.0.0.2")).toBe("10.0.0.2");
    expect(normalizeAddress("fe80::1%eth0")).toBeUndefined();
    expect(normalizeAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
  });
});

describe("limitKey", () => {
  it("keeps an IPv4 address and groups IPv6 by /64", () => {
    expect(limitKey("198.51.100.1")).toBe("198.51.100.1");
    expect(limitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:0db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKey("::1")).toBe("0:0:0:0::/64");
    expect(limitKey("64:ff9b::198.51.100.1")).toBe("64:ff9b:0:0::/64");
  });
});
