import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifier, InvalidTokenError, type Verifier } from "../src/verifier";
import { createVerifiedTokenCache } from "../src/verifier/verified-tokens";
import { type JwksServer, startJwksServer } from "./support/jwks-server";
import {
  AUDIENCE,
  claims,
  createSigningKey,
  ISSUER,
  nowSeconds,
  OTHER_SECRET,
  SECRET,
  type SigningKey,
  signHs256,
  signWith,
} from "./support/tokens";

const identity = {
  userId: "u1",
  email: null,
  name: null,
  issuedAt: 0,
  credential: { kind: "jwt" as const },
};

describe("the verified-token cache", () => {
  it("answers a token until its exp, never at or after it", () => {
    const cache = createVerifiedTokenCache({ maxEntries: 10, maxAgeMs: 600_000 });
    cache.set("t", identity, 100, 50_000);
    expect(cache.get("t", 99_999)).toBe(identity);
    expect(cache.get("t", 100_000)).toBeUndefined();
    expect(cache.get("t", 99_999)).toBeUndefined(); // dropped once expired
  });

  it("trusts a verification at most maxAgeMs, whatever exp says", () => {
    const cache = createVerifiedTokenCache({ maxEntries: 10, maxAgeMs: 1_000 });
    cache.set("t", identity, 1_000_000, 0);
    expect(cache.get("t", 999)).toBe(identity);
    expect(cache.get("t", 1_000)).toBeUndefined();
  });

  it("keeps at most maxEntries, dropping the least recently used", () => {
    const cache = createVerifiedTokenCache({ maxEntries: 2, maxAgeMs: 600_000 });
    cache.set("a", identity, 1_000, 0);
    cache.set("b", identity, 1_000, 0);
    cache.get("a", 1); // a is now more recent than b
    cache.set("c", identity, 1_000, 1);
    expect(cache.size).toBe(2);
    expect(cache.get("b", 2)).toBeUndefined();
    expect(cache.get("a", 2)).toBe(identity);
    expect(cache.get("c", 2)).toBe(identity);
  });

  it("stores nothing already expired, and nothing with maxEntries 0", () => {
    const expired = createVerifiedTokenCache({ maxEntries: 10, maxAgeMs: 600_000 });
    expired.set("t", identity, 10, 10_000);
    expect(expired.size).toBe(0);
    const off = createVerifiedTokenCache({ maxEntries: 0, maxAgeMs: 600_000 });
    off.set("t", identity, 1_000, 0);
    expect(off.size).toBe(0);
  });
});

// With the cache in front, the verifier must still refuse everything it refused without it.
describe("a verifier with its token cache", () => {
  let server: JwksServer;
  let key: SigningKey;
  let impostor: SigningKey;
  let jwks: Verifier;
  const config = { issuer: ISSUER, audience: AUDIENCE, clockToleranceSeconds: 0 };

  beforeAll(async () => {
    key = await createSigningKey("key-1");
    impostor = await createSigningKey("key-1"); // same kid, another key pair
    server = await startJwksServer({ keys: [key.jwk] });
    jwks = createVerifier({ mode: "jwks", jwksUrl: server.url, ...config });
  });
  afterAll(() => server.close());

  const refused = (verifier: Verifier, token: string) =>
    expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);

  it("answers a repeated token from the cache (the same identity object)", async () => {
    const token = await signWith(key);
    const first = await jwks.verify(token);
    expect(await jwks.verify(token)).toBe(first);
    const uncached = createVerifier({
      mode: "jwks",
      jwksUrl: server.url,
      ...config,
      tokenCache: { maxEntries: 0 },
    });
    expect(await uncached.verify(token)).not.toBe(await uncached.verify(token));
  });

  it("refuses a tampered copy of a cached token (payload or signature)", async () => {
    const token = await signWith(key, claims({ sub: "alice" }));
    await jwks.verify(token);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...claims({ sub: "mallory" }), exp: nowSeconds() + 900 }),
    ).toString("base64url");
    await refused(jwks, `${header}.${forged}.${signature}`);
    const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    await refused(jwks, `${header}.${payload}.${flipped}`);
    await refused(jwks, `${token}x`);
  });

  it("refuses the same claims signed by another key, after the genuine token was cached", async () => {
    const payload = claims({ sub: "bob" });
    await jwks.verify(await signWith(key, payload));
    await refused(jwks, await signWith(impostor, payload));
  });

  it("refuses a cached token once it has expired", async () => {
    const token = await signWith(key, claims({ exp: nowSeconds() + 1 }));
    await jwks.verify(token);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await refused(jwks, token);
  });

  it("drops a cached verification once a refetched JWKS no longer has its key", async () => {
    const first = await createSigningKey("rotating-1");
    const second = await createSigningKey("rotating-2");
    const issuer = await startJwksServer({ keys: [first.jwk] });
    try {
      const verifier = createVerifier({
        mode: "jwks",
        jwksUrl: issuer.url,
        ...config,
        refetchFloorSeconds: 0,
      });
      const old = await signWith(first);
      await verifier.verify(old); // cached, with rotating-1 held
      issuer.jwks = { keys: [second.jwk] }; // rotated, the grace period over
      await verifier.verify(await signWith(second)); // a new kid: the JWKS is fetched again
      await refused(verifier, old);
    } finally {
      await issuer.close();
    }
  });

  it("keeps HS256 tokens apart from another secret's", async () => {
    const secret = createVerifier({ mode: "secret", secret: SECRET, ...config });
    const other = createVerifier({ mode: "secret", secret: OTHER_SECRET, ...config });
    const token = await signHs256(SECRET);
    await secret.verify(token);
    await refused(other, token);
    await refused(secret, await signHs256(OTHER_SECRET));
  });
});
