import { afterEach, describe, expect, it } from "vitest";
import {
  createVerifier,
  InvalidTokenError,
  KeysUnavailableError,
  type Verifier,
  type VerifierOptions,
} from "../src/verifier";
import { type JwksServer, type JwksServerMode, startJwksServer } from "./support/jwks-server";
import {
  AUDIENCE,
  createSigningKey,
  ISSUER,
  SECRET,
  type SigningKey,
  signHs256,
  signWith,
  unsecuredToken,
} from "./support/tokens";

type JwksOptions = Partial<Extract<VerifierOptions, { mode: "jwks" }>>;
type Outage = JwksServerMode | "closed";

const servers: JwksServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setup(options: JwksOptions = {}) {
  const key = await createSigningKey("key-1");
  const server = await startJwksServer({ keys: [key.jwk] });
  servers.push(server);
  const verifier = createVerifier({
    mode: "jwks",
    jwksUrl: server.url,
    issuer: ISSUER,
    audience: AUDIENCE,
    timeoutMs: 200,
    refetchFloorSeconds: 0.05,
    ...options,
  });
  return { key, server, verifier };
}

async function takeDown(server: JwksServer, outage: Outage) {
  if (outage === "closed") await server.close();
  else server.mode = outage;
}

async function outcome(verifier: Verifier, key: SigningKey) {
  return verifier.verify(await signWith(key)).then(
    (identity) => identity.userId,
    (error: unknown) => error,
  );
}

const outages: Outage[] = ["fail", "invalid-json", "hang", "closed"];

describe("JWKS fetching", () => {
  // These two count fetches of an endpoint that is up: the 200 ms timeout the outage cases need
  // once timed out here, under two test suites at once on two cores, and the count is not the point.
  it("fetches the JWKS once for many sequential verifications", async () => {
    const { key, server, verifier } = await setup({ timeoutMs: 5_000 });
    for (let i = 0; i < 20; i++) await verifier.verify(await signWith(key));
    expect(server.hits).toBe(1);
  });

  it("shares one fetch between concurrent first verifications", async () => {
    const { key, server, verifier } = await setup({ timeoutMs: 5_000 });
    const token = await signWith(key);
    const identities = await Promise.all(Array.from({ length: 10 }, () => verifier.verify(token)));
    expect(identities.every((identity) => identity.userId === "user_1")).toBe(true);
    expect(server.hits).toBe(1);
  });

  it("rejects disallowed algorithms and malformed tokens without fetching the JWKS", async () => {
    const { key, server, verifier } = await setup();
    for (const token of [
      await signHs256(SECRET, undefined, key.kid),
      unsecuredToken({ alg: "none", kid: key.kid }),
      "not-a-jwt",
    ]) {
      await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    }
    expect(server.hits).toBe(0);
  });

  it.each([...outages, "not-a-jwks" as const])(
    "answers KeysUnavailableError quickly when the endpoint is %s and no key is cached",
    async (outage) => {
      const { key, server, verifier } = await setup();
      if (outage === "not-a-jwks") server.jwks = { keys: "none" } as never;
      else await takeDown(server, outage);
      const started = performance.now();
      expect(await outcome(verifier, key)).toBeInstanceOf(KeysUnavailableError);
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );

  it("lets a broken key in the JWKS surface as an unexpected error, not as a 401", async () => {
    const { key, server, verifier } = await setup();
    server.jwks = { keys: [{ ...key.jwk, x: "AAAA" }] };
    const error = await outcome(verifier, key);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InvalidTokenError);
    expect(error).not.toBeInstanceOf(KeysUnavailableError);
  });

  it("verifies again once the cooldown after a failed first fetch is over", async () => {
    const { key, server, verifier } = await setup({ cooldownSeconds: 0.2 });
    server.mode = "fail";
    expect(await outcome(verifier, key)).toBeInstanceOf(KeysUnavailableError);
    server.mode = "serve";
    expect(await outcome(verifier, key)).toBeInstanceOf(KeysUnavailableError);
    await sleep(250);
    expect(await outcome(verifier, key)).toBe("user_1");
    expect(server.hits).toBe(2);
  });
});

describe("JWKS stale-if-error", () => {
  it.each(outages)("keeps verifying with a cached key while the endpoint is %s", async (outage) => {
    const { key, server, verifier } = await setup();
    expect(await outcome(verifier, key)).toBe("user_1");
    await takeDown(server, outage);
    expect(await outcome(verifier, key)).toBe("user_1");
  });

  it.each(outages)(
    "keeps stale keys when the refresh after maxAge fails (%s) and retries only after the cooldown",
    async (outage) => {
      const { key, server, verifier } = await setup({ maxAgeSeconds: 0.05, cooldownSeconds: 30 });
      expect(await outcome(verifier, key)).toBe("user_1");
      await takeDown(server, outage);
      await sleep(60);
      expect(await outcome(verifier, key)).toBe("user_1");
      expect(await outcome(verifier, key)).toBe("user_1");
      expect(server.hits).toBe(outage === "closed" ? 1 : 2);
    },
  );

  it("refreshes keys older than maxAge, dropping a key the issuer removed", async () => {
    const { key, server, verifier } = await setup({ maxAgeSeconds: 0.05 });
    const next = await createSigningKey("key-2");
    expect(await outcome(verifier, key)).toBe("user_1");
    server.jwks = { keys: [next.jwk] };
    await sleep(60);
    expect(await outcome(verifier, key)).toBeInstanceOf(InvalidTokenError);
    expect(await outcome(verifier, next)).toBe("user_1");
    expect(server.hits).toBe(2);
  });
});

describe("JWKS unknown kid", () => {
  it("accepts a token signed by a key published after the last fetch at once, without waiting out the cooldown", async () => {
    const { key, server, verifier } = await setup({ cooldownSeconds: 30 });
    const rotated = await createSigningKey("key-2");
    expect(await outcome(verifier, key)).toBe("user_1");
    server.jwks = { keys: [key.jwk, rotated.jwk] };
    expect(await outcome(verifier, rotated)).toBe("user_1");
    expect(await outcome(verifier, key)).toBe("user_1");
    expect(server.hits).toBe(2);
  });

  it("shares one refetch between concurrent tokens of a new key", async () => {
    const { key, server, verifier } = await setup();
    const rotated = await createSigningKey("key-2");
    expect(await outcome(verifier, key)).toBe("user_1");
    server.jwks = { keys: [key.jwk, rotated.jwk] };
    const results = await Promise.all(Array.from({ length: 5 }, () => outcome(verifier, rotated)));
    expect(results).toEqual(Array(5).fill("user_1"));
    expect(server.hits).toBe(2);
  });

  it("refuses a kid the refetched set lacks without fetching again until the cooldown ends", async () => {
    const { key, server, verifier } = await setup({ cooldownSeconds: 0.3 });
    const stranger = await createSigningKey("key-unknown");
    expect(await outcome(verifier, key)).toBe("user_1");
    expect(await outcome(verifier, stranger)).toMatchObject({ reason: "ERR_JWKS_NO_MATCHING_KEY" });
    expect(server.hits).toBe(2);
    for (let i = 0; i < 5; i++) {
      expect(await outcome(verifier, stranger)).toBeInstanceOf(InvalidTokenError);
    }
    expect(server.hits).toBe(2);
    await sleep(350);
    expect(await outcome(verifier, stranger)).toBeInstanceOf(InvalidTokenError);
    expect(server.hits).toBe(3);
  });

  it("fetches at most once per floor however many new kids arrive (garbage kids cannot make it fetch per request)", async () => {
    const { key, server, verifier } = await setup({ refetchFloorSeconds: 0.2 });
    expect(await outcome(verifier, key)).toBe("user_1");
    const strangers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createSigningKey(`garbage-${i}`)),
    );
    const started = performance.now();
    const concurrent = await Promise.all(strangers.slice(0, 5).map((k) => outcome(verifier, k)));
    expect(concurrent.every((e) => e instanceof InvalidTokenError)).toBe(true);
    expect(server.hits).toBe(2); // one fetch, and not before the floor
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    for (const stranger of strangers.slice(5)) {
      expect(await outcome(verifier, stranger)).toBeInstanceOf(InvalidTokenError);
    }
    const elapsed = performance.now() - started;
    expect(server.hits - 1).toBeLessThanOrEqual(Math.floor(elapsed / 200) + 1);
  });

  it.each(outages)(
    "answers KeysUnavailableError for an unknown kid when the refetch fails (%s), and 503 until the cooldown ends",
    async (outage) => {
      const { key, server, verifier } = await setup({ cooldownSeconds: 0.2 });
      const rotated = await createSigningKey("key-2");
      expect(await outcome(verifier, key)).toBe("user_1");
      await takeDown(server, outage);
      await sleep(250);
      expect(await outcome(verifier, rotated)).toBeInstanceOf(KeysUnavailableError);
      // The issuer is known to be down, so "no such key" would be a guess: still 503, no refetch.
      expect(await outcome(verifier, rotated)).toBeInstanceOf(KeysUnavailableError);
      expect(await outcome(verifier, key)).toBe("user_1");
      expect(server.hits).toBe(outage === "closed" ? 1 : 2);
    },
  );
});

describe("JWKS fetch limits", () => {
  it("refuses a redirect instead of following it (503, the target never asked)", async () => {
    const { key, server, verifier } = await setup();
    server.mode = "redirect";
    expect(await outcome(verifier, key)).toBeInstanceOf(KeysUnavailableError);
    expect(server.hits).toBe(1);
  });

  it("stops reading a JWKS body past 64 KiB at once, even one that never ends", async () => {
    // The timeout is long: only a cap enforced while reading ends this fetch quickly.
    const { key, server, verifier } = await setup({ timeoutMs: 10_000 });
    server.mode = "endless";
    const started = performance.now();
    expect(await outcome(verifier, key)).toBeInstanceOf(KeysUnavailableError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses a JWKS whose Content-Length is over 64 KiB", async () => {
    const { key, server, verifier } = await setup();
    const padding = "A".repeat(64 * 1024);
    server.jwks = { keys: [key.jwk, { kty: "OKP", crv: "Ed25519", x: padding, kid: "pad" }] };
    expect(await outcome(verifier, key)).toBeInstanceOf(KeysUnavailableError);
  });

  it("accepts a JWKS just under 64 KiB", async () => {
    const { key, server, verifier } = await setup();
    const size = JSON.stringify({ keys: [key.jwk] }).length;
    const pad = { kid: "pad", kty: "oct", k: "" };
    pad.k = "A".repeat(64 * 1024 - size - JSON.stringify(pad).length - 1);
    server.jwks = { keys: [key.jwk, pad] };
    expect(JSON.stringify(server.jwks).length).toBe(64 * 1024);
    expect(await outcome(verifier, key)).toBe("user_1");
  });
});

describe("JWKS with the issuer down and no key cached", () => {
  it.each(["fail", "hang", "invalid-json"] as const)(
    "fetches at most once per cooldown however many verifications arrive (%s)",
    async (outage) => {
      const { key, server, verifier } = await setup({ cooldownSeconds: 0.5, timeoutMs: 100 });
      server.mode = outage;
      const token = await signWith(key);
      const attempt = () =>
        verifier.verify(token).then(
          () => "verified",
          (error: unknown) => error,
        );
      const concurrent = await Promise.all(Array.from({ length: 10 }, attempt));
      expect(concurrent.every((e) => e instanceof KeysUnavailableError)).toBe(true);
      for (let i = 0; i < 20; i++) expect(await attempt()).toBeInstanceOf(KeysUnavailableError);
      expect(server.hits).toBe(1);
      // Once the cooldown is over, the next verification tries again, and recovers.
      server.mode = "serve";
      await sleep(550);
      expect(await attempt()).toBe("verified");
      expect(server.hits).toBe(2);
    },
  );
});
