import { describe, expect, it, vi } from "vitest";
import { createTokenCache, readClaims, refreshTime } from "@/lib/token-cache";

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** An unsigned JWT-shaped string: the cache reads the payload, it never verifies. */
const jwt = (claims: Record<string, unknown>) =>
  `${base64url({ alg: "EdDSA" })}.${base64url(claims)}.signature`;

const MINUTE = 60_000;

/** A token issued "now" on the issuer's clock, living `minutes`. */
const tokenFor = (minutes: number, sub = "user-1", issuedAtSec = 1_000_000) =>
  jwt({ sub, iat: issuedAtSec, exp: issuedAtSec + minutes * 60 });

function setup(tokens: string[]) {
  let clock = 0;
  const fetchToken = vi.fn(async () => {
    const token = tokens.shift();
    if (token === undefined) throw new Error("no more tokens");
    return token;
  });
  const cache = createTokenCache({ fetchToken, now: () => clock });
  return { cache, fetchToken, advance: (ms: number) => (clock += ms) };
}

describe("readClaims", () => {
  it("reads sub, iat and exp from a base64url payload, UTF-8 included", () => {
    const token = jwt({ sub: "u", iat: 1, exp: 2, name: "Zoë ✓" });
    expect(readClaims(token)).toEqual({ sub: "u", iat: 1, exp: 2 });
  });

  it.each([
    ["no payload", "abc"],
    ["a payload that is not base64", "a.%%%.c"],
    ["a payload that is not JSON", `a.${Buffer.from("nope").toString("base64url")}.c`],
  ])("returns null for %s", (_, token) => {
    expect(readClaims(token)).toBeNull();
  });
});

describe("refreshTime", () => {
  it("refreshes 60 s before expiry, measured on the issuer's clock", () => {
    // The browser's clock (receivedAt = 5) is nowhere near the issuer's (iat = 1,000,000 s).
    expect(refreshTime(tokenFor(15), 5, MINUTE)).toBe(5 + 14 * MINUTE);
  });

  it("falls back to the local clock when the token has no iat", () => {
    expect(refreshTime(jwt({ exp: 900 }), 0, MINUTE)).toBe(840_000);
  });

  it("refreshes halfway through a lifetime shorter than twice the margin", () => {
    expect(refreshTime(tokenFor(1), 0, MINUTE)).toBe(30_000);
  });

  it("never reuses a token without exp", () => {
    expect(refreshTime(jwt({ sub: "u" }), 42, MINUTE)).toBe(42);
  });
});

describe("createTokenCache", () => {
  it("reuses the token until shortly before it expires, then fetches a new one", async () => {
    const first = tokenFor(15);
    const second = tokenFor(15, "user-1", 1_000_900);
    const { cache, fetchToken, advance } = setup([first, second]);

    expect(await cache.get()).toBe(first);
    advance(14 * MINUTE - 1);
    expect(await cache.get()).toBe(first);
    advance(1);
    expect(await cache.get()).toBe(second);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it("shares one fetch between concurrent callers", async () => {
    const { cache, fetchToken } = setup([tokenFor(15)]);
    const tokens = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(new Set(tokens).size).toBe(1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it("fetches a new token after invalidate", async () => {
    const [first, second] = [tokenFor(15), tokenFor(15, "user-1", 1_000_001)];
    const { cache, fetchToken } = setup([first, second]);
    await cache.get();
    cache.invalidate();
    expect(await cache.get()).toBe(second);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it("keeps a fetch under way when a second refused request invalidates", async () => {
    const [first, second] = [tokenFor(15), tokenFor(15, "user-1", 1_000_001)];
    const { cache, fetchToken } = setup([first, second]);
    await cache.get();
    cache.invalidate();
    const retry = cache.get(); // the first refused request's retry
    cache.invalidate(); // the second refused request, while that fetch runs
    expect(await Promise.all([retry, cache.get()])).toEqual([second, second]);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it("passes a failed fetch on to every waiting caller and tries again next time", async () => {
    const token = tokenFor(15);
    const fetchToken = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("signed out"))
      .mockResolvedValueOnce(token);
    const cache = createTokenCache({ fetchToken, now: () => 0 });
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow("signed out");
    expect(await cache.get()).toBe(token);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });
});

describe("fresh", () => {
  it("fetches a new token even while the cached one is fresh, and caches it", async () => {
    const first = tokenFor(15, "user-1", 1_000_000);
    const second = tokenFor(15, "user-1", 1_000_600);
    const { cache, fetchToken } = setup([first, second]);
    expect(await cache.get()).toBe(first);
    expect(await cache.fresh()).toBe(second);
    expect(await cache.get()).toBe(second);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it("joins a fetch already under way instead of starting another", async () => {
    const { cache, fetchToken } = setup([tokenFor(15)]);
    const [a, b] = await Promise.all([cache.get(), cache.fresh()]);
    expect(a).toBe(b);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });
});
