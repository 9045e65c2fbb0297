import { base64url } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createVerifier,
  InvalidTokenError,
  type Verifier,
  type VerifierOptions,
} from "../src/verifier";
import { type JwksServer, startJwksServer } from "./support/jwks-server";
import {
  AUDIENCE,
  claims,
  createSigningKey,
  ISSUER,
  nowSeconds,
  SECRET,
  type SigningKey,
  sign,
  signHs256,
  signWith,
  unsecuredToken,
} from "./support/tokens";

let server: JwksServer;
let key: SigningKey;
let impostor: SigningKey;
let jwks: Verifier;
let secret: Verifier;
const config = { issuer: ISSUER, audience: AUDIENCE };

beforeAll(async () => {
  key = await createSigningKey("key-1");
  impostor = await createSigningKey("key-1"); // same kid, another key pair
  server = await startJwksServer({ keys: [key.jwk] });
  jwks = createVerifier({ mode: "jwks", jwksUrl: server.url, ...config });
  secret = createVerifier({ mode: "secret", secret: SECRET, ...config });
});

afterAll(() => server.close());

async function expectInvalid(verifier: Verifier, jwt: string, reason: string) {
  const error = await verifier.verify(jwt).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  expect(error).toMatchObject({ reason });
  // jose errors carry the decoded claims: neither they nor the token may reach a log line.
  expect((error as Error).message).not.toContain(jwt);
  expect((error as Error).cause).toBeUndefined();
}

const now = nowSeconds();
const INVALID_CLAIM = "ERR_JWT_CLAIM_VALIDATION_FAILED";
const SUB_INVALID = "ERR_JWT_SUB_INVALID";
const ALG_NOT_ALLOWED = "ERR_JOSE_ALG_NOT_ALLOWED";
const BAD_SIGNATURE = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";

// Rejected in both modes: only the signing differs.
const badClaims = [
  { name: "an expired token", reason: "ERR_JWT_EXPIRED", payload: claims({ exp: now - 120 }) },
  { name: "a token without exp", reason: INVALID_CLAIM, payload: claims({ exp: undefined }) },
  { name: "a token with a string exp", reason: INVALID_CLAIM, payload: claims({ exp: "never" }) },
  {
    name: "a token whose nbf is in the future",
    reason: INVALID_CLAIM,
    payload: claims({ nbf: now + 120 }),
  },
  {
    name: "a token from another issuer",
    reason: INVALID_CLAIM,
    payload: claims({ iss: "https://evil.example" }),
  },
  {
    name: "a token for another audience",
    reason: INVALID_CLAIM,
    payload: claims({ aud: "https://other.example" }),
  },
  // Better Auth's tokens live 15 minutes: one issued 16 minutes ago is refused, even with a
  // later exp, and so is one without iat or one issued in the future.
  {
    name: "a token issued 16 minutes ago, whatever its exp",
    reason: "ERR_JWT_EXPIRED",
    payload: claims({ iat: now - 16 * 60, exp: now + 3600 }),
  },
  { name: "a token without iat", reason: INVALID_CLAIM, payload: claims({ iat: undefined }) },
  {
    name: "a token issued 2 minutes from now",
    reason: INVALID_CLAIM,
    payload: claims({ iat: now + 120 }),
  },
  { name: "a token without sub", reason: SUB_INVALID, payload: claims({ sub: undefined }) },
  { name: "a token with an empty sub", reason: SUB_INVALID, payload: claims({ sub: "" }) },
  { name: "a token with a numeric sub", reason: SUB_INVALID, payload: claims({ sub: 42 }) },
  {
    name: "a token with an object sub",
    reason: SUB_INVALID,
    payload: claims({ sub: { id: "user_1" } }),
  },
];

const malformed = [
  { name: "a garbage token", reason: "ERR_JWS_INVALID", token: "not-a-jwt" },
  { name: "a token with empty parts", reason: "ERR_JWS_INVALID", token: ".." },
  { name: "a token whose header is not JSON", reason: "ERR_JWS_INVALID", token: "abc.def.ghi" },
  { name: "a token with four parts", reason: "ERR_JWS_INVALID", token: "a.b.c.d" },
];

describe("createVerifier in jwks mode", () => {
  it("returns sub, email, name and iat of a valid EdDSA token", async () => {
    const issuedAt = nowSeconds() - 200;
    await expect(jwks.verify(await signWith(key, claims({ iat: issuedAt })))).resolves.toEqual({
      userId: "user_1",
      email: "ada@example.com",
      name: "Ada",
      issuedAt,
      credential: { kind: "jwt" },
    });
  });

  it("tells the clock tolerance it verifies with", () => {
    expect(jwks.clockToleranceSeconds).toBe(30);
    const strict = createVerifier({
      mode: "secret",
      secret: SECRET,
      ...config,
      clockToleranceSeconds: 5,
    });
    expect(strict.clockToleranceSeconds).toBe(5);
  });

  it.each([
    { name: "absent", email: undefined, displayName: undefined },
    { name: "not strings", email: 42, displayName: ["Ada"] },
  ])("returns null email and name when they are $name", async ({ email, displayName }) => {
    const identity = await jwks.verify(await signWith(key, claims({ email, name: displayName })));
    expect(identity).toMatchObject({ userId: "user_1", email: null, name: null });
  });

  it.each([
    { name: "expired 20 s ago", payload: claims({ exp: now - 20 }) },
    { name: "not valid before 20 s from now", payload: claims({ nbf: now + 20 }) },
  ])("accepts a token $name, inside the default 30 s clock tolerance", async ({ payload }) => {
    await expect(jwks.verify(await signWith(key, payload))).resolves.toMatchObject({
      userId: "user_1",
    });
  });

  it("rejects a token expired 20 s ago when the clock tolerance is 5 s", async () => {
    const strict = createVerifier({
      mode: "jwks",
      jwksUrl: server.url,
      ...config,
      clockToleranceSeconds: 5,
    });
    await expectInvalid(strict, await signWith(key, claims({ exp: now - 20 })), "ERR_JWT_EXPIRED");
  });

  it.each([
    ...badClaims.map(({ name, reason, payload }) => ({
      name,
      reason,
      token: () => signWith(key, payload),
    })),
    ...malformed.map(({ name, reason, token }) => ({ name, reason, token: async () => token })),
    {
      name: "a token signed by another key with the same kid",
      reason: BAD_SIGNATURE,
      token: () => signWith(impostor),
    },
    {
      name: "a valid token whose payload was swapped",
      reason: BAD_SIGNATURE,
      token: async () => {
        const [header, , signature] = (await signWith(key)).split(".");
        const forged = base64url.encode(JSON.stringify(claims({ sub: "user_2" })));
        return `${header}.${forged}.${signature}`;
      },
    },
    {
      name: "an alg none token",
      reason: ALG_NOT_ALLOWED,
      token: async () => unsecuredToken({ alg: "none", kid: key.kid }),
    },
    {
      name: "an HS256 token",
      reason: ALG_NOT_ALLOWED,
      token: () => signHs256(SECRET, claims(), key.kid),
    },
    {
      name: "an HS256 token keyed with the published public key",
      reason: ALG_NOT_ALLOWED,
      token: () => signHs256(JSON.stringify(key.jwk), claims(), key.kid),
    },
  ])("rejects $name", async ({ token, reason }) => {
    await expectInvalid(jwks, await token(), reason);
  });
});

describe("createVerifier in secret mode", () => {
  it("returns the identity of a valid HS256 token", async () => {
    await expect(secret.verify(await signHs256(SECRET))).resolves.toEqual({
      userId: "user_1",
      email: "ada@example.com",
      name: "Ada",
      issuedAt: expect.any(Number),
      credential: { kind: "jwt" },
    });
  });

  it.each([
    ...badClaims.map(({ name, reason, payload }) => ({
      name,
      reason,
      token: () => signHs256(SECRET, payload),
    })),
    ...malformed.map(({ name, reason, token }) => ({ name, reason, token: async () => token })),
    {
      name: "an HS256 token signed with another secret",
      reason: BAD_SIGNATURE,
      token: () => signHs256("another-secret-that-is-also-32-bytes-long"),
    },
    { name: "an EdDSA token", reason: ALG_NOT_ALLOWED, token: () => signWith(key) },
    {
      name: "an HS512 token signed with the right secret",
      reason: ALG_NOT_ALLOWED,
      token: () => sign(Buffer.from(SECRET, "base64url"), { alg: "HS512" }, claims()),
    },
    {
      name: "an alg none token",
      reason: ALG_NOT_ALLOWED,
      token: async () => unsecuredToken({ alg: "none" }),
    },
  ])("rejects $name", async ({ token, reason }) => {
    await expectInvalid(secret, await token(), reason);
  });
});

describe("createVerifier options", () => {
  const jwksOptions = { mode: "jwks", jwksUrl: "http://127.0.0.1:1/jwks", ...config } as const;
  const secretOptions = { mode: "secret", secret: SECRET, ...config } as const;
  const refused: Array<{ name: string; options: VerifierOptions }> = [
    { name: "a clock tolerance over 60 s", options: { ...jwksOptions, clockToleranceSeconds: 61 } },
    {
      name: "a negative clock tolerance",
      options: { ...secretOptions, clockToleranceSeconds: -1 },
    },
    { name: "a NaN cooldown", options: { ...jwksOptions, cooldownSeconds: Number.NaN } },
    { name: "an HS256 algorithm in jwks mode", options: { ...jwksOptions, algorithms: ["HS256"] } },
    { name: "alg none in jwks mode", options: { ...jwksOptions, algorithms: ["EdDSA", "none"] } },
    { name: "an empty algorithm list", options: { ...jwksOptions, algorithms: [] } },
    { name: "an HS256 secret under 32 bytes", options: { ...secretOptions, secret: "short" } },
  ];
  it.each(refused)("refuses $name", ({ options }) => {
    expect(() => createVerifier(options)).toThrow(RangeError);
  });

  it("accepts a clock tolerance of exactly 60 s", () => {
    expect(() => createVerifier({ ...jwksOptions, clockToleranceSeconds: 60 })).not.toThrow();
  });
});

describe("the HS256 secret (AUTH_JWT_SECRET)", () => {
  const random = (bytes: number) =>
    Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 37 + 11) % 256));
  const weak = [
    {
      name: "32 ASCII characters (24 bytes as base64)",
      secret: "correct-horse-battery-staple-xyz",
    },
    {
      name: "a 44-character lower-case phrase",
      secret: "a-test-secret-that-is-at-least-32-bytes-long",
    },
    { name: "hex of 32 bytes (another encoding)", secret: random(32).toString("hex") },
    { name: "one character repeated", secret: "A".repeat(44) },
    { name: "a short pattern repeated", secret: "AbCd".repeat(11) },
    { name: "base64 of 31 bytes", secret: random(31).toString("base64") },
    { name: "characters outside base64", secret: `${random(32).toString("base64")}!` },
    { name: "a value of impossible base64 length", secret: `${random(33).toString("base64url")}A` },
  ];
  it.each(weak)("refuses $name, saying why without quoting it", ({ secret: value }) => {
    const make = () => createVerifier({ mode: "secret", secret: value, ...config });
    expect(make).toThrow(/HS256 secret must be base64 of at least 32 random bytes/);
    expect(make).not.toThrow(value);
  });

  it.each([
    { name: "base64 with padding", secret: random(32).toString("base64") },
    { name: "base64url without padding", secret: SECRET },
    { name: "base64 of 64 bytes", secret: random(64).toString("base64") },
  ])("accepts $name", ({ secret: value }) => {
    expect(() => createVerifier({ mode: "secret", secret: value, ...config })).not.toThrow();
  });

  it("verifies with the decoded bytes, not the text's", async () => {
    const asText = await sign(new TextEncoder().encode(SECRET), { alg: "HS256" }, claims());
    await expectInvalid(secret, asText, BAD_SIGNATURE);
    await expect(secret.verify(await signHs256(SECRET))).resolves.toMatchObject({
      userId: "user_1",
    });
  });
});
