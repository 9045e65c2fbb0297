import type { Tracer } from "@opentelemetry/api";
import {
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyOptions,
  jwtVerify,
} from "jose";
import { InvalidTokenError, KeysUnavailableError } from "./errors";
import type { Identity } from "./identity";
import { createJwksCache, type JwksCache } from "./jwks-cache";
import { importHs256Secret } from "./secret-key";
import { createVerifiedTokenCache } from "./verified-tokens";

export { bearerToken } from "./bearer";
export { InvalidTokenError, KeysUnavailableError } from "./errors";
export type { Credential, Identity } from "./identity";
export { decodeHs256Secret } from "./secret-key";

/** Remembering verified tokens: on by default (a verification costs ~0.5 ms of CPU). */
export interface TokenCacheOptions {
  /** Default 10,000 tokens; 0 turns the cache off. */
  maxEntries?: number;
  /**
   * Default 300 s (and never longer than the JWKS `maxAgeSeconds`): a verification is trusted
   * at most this long, never past the token's `exp`, and in JWKS mode only while the key that
   * verified it is in the set the verifier holds (not due for a refresh).
   */
  maxAgeSeconds?: number;
}

export type VerifierOptions = (
  | {
      mode: "jwks";
      jwksUrl: string;
      issuer: string;
      audience: string;
      /** Default ["EdDSA"]. Symmetric algorithms and "none" are refused. */
      algorithms?: string[];
      /** Default 30, at most 60. */
      clockToleranceSeconds?: number;
      /** See the secret mode's. */
      maxTokenAgeSeconds?: number;
      /**
       * How long a `kid` the JWKS was found to lack is refused without a refetch, and unknown
       * kids after a failed fetch. Default 30. A `kid` not yet looked up is fetched at once.
       */
      cooldownSeconds?: number;
      /** The least time between two JWKS fetches, whatever the kids asked for. Default 1. */
      refetchFloorSeconds?: number;
      /** Age after which cached keys are refreshed (kept if the refresh fails). Default 600. */
      maxAgeSeconds?: number;
      /** Default 5000. */
      timeoutMs?: number;
    }
  | {
      mode: "secret";
      /** Base64 (or base64url) of at least 32 random bytes: see decodeHs256Secret. */
      secret: string;
      issuer: string;
      audience: string;
      clockToleranceSeconds?: number;
      /**
       * A token issued (`iat`) longer ago than this, plus the clock tolerance, is refused
       * whatever its `exp` says. Default 900: Better Auth issues 15-minute tokens.
       */
      maxTokenAgeSeconds?: number;
    }
) & {
  tokenCache?: TokenCacheOptions;
  /** Spans for the verifier's outbound calls (the JWKS fetch); unset, none. */
  tracer?: Tracer;
};

export interface Verifier {
  /** Resolves to the caller's identity; rejects with InvalidTokenError or KeysUnavailableError. */
  verify(token: string): Promise<Identity>;
  /** The clock skew allowed between the issuer and this server, for checks made on `issuedAt`. */
  readonly clockToleranceSeconds: number;
}

const MAX_CLOCK_TOLERANCE_SECONDS = 60;

export function createVerifier(options: VerifierOptions): Verifier {
  const claims = {
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: seconds("clockToleranceSeconds", options.clockToleranceSeconds, 30),
    // `iat` is required, so a token's age is known; one that claims a long `exp` (a leaked
    // signing key, a misconfigured issuer) still ends at the maximum age.
    requiredClaims: ["exp", "iat"],
    maxTokenAge: seconds("maxTokenAgeSeconds", options.maxTokenAgeSeconds, 900),
  } satisfies JWTVerifyOptions;
  if (claims.clockTolerance > MAX_CLOCK_TOLERANCE_SECONDS) {
    throw new RangeError(`clockToleranceSeconds must be at most ${MAX_CLOCK_TOLERANCE_SECONDS}`);
  }
  let jwks: JwksCache | undefined;
  let check: Check;
  if (options.mode === "jwks") {
    jwks = jwksCache(options, options.tracer);
    check = jwksCheck(options, claims, jwks);
  } else check = secretCheck(options, claims);
  // A verification is trusted no longer than the keys it used are (JWKS mode refreshes them).
  const keysAge =
    options.mode === "jwks" ? seconds("maxAgeSeconds", options.maxAgeSeconds, 600) : Infinity;
  const verified = createVerifiedTokenCache({
    maxEntries: options.tokenCache?.maxEntries ?? 10_000,
    maxAgeMs:
      Math.min(seconds("maxAgeSeconds", options.tokenCache?.maxAgeSeconds, 300), keysAge) * 1000,
    ...(jwks ? { keyHeld: jwks.holds } : {}),
  });
  return {
    clockToleranceSeconds: claims.clockTolerance,
    async verify(token) {
      const known = verified.get(token);
      if (known) return known;
      let payload: JWTPayload;
      try {
        payload = await check(token);
      } catch (error) {
        throw toVerifierError(error);
      }
      const identity = toIdentity(payload);
      // `exp` is required by the checks above, so every cached entry has an end.
      if (typeof payload.exp === "number")
        verified.set(token, identity, payload.exp, Date.now(), decodeProtectedHeader(token).kid);
      return identity;
    },
  };
}

type Check = (token: string) => Promise<JWTPayload>;

function jwksCache(options: VerifierOptions & { mode: "jwks" }, tracer: Tracer | undefined) {
  return createJwksCache({
    url: options.jwksUrl,
    cooldownMs: seconds("cooldownSeconds", options.cooldownSeconds, 30) * 1000,
    refetchFloorMs: seconds("refetchFloorSeconds", options.refetchFloorSeconds, 1) * 1000,
    maxAgeMs: seconds("maxAgeSeconds", options.maxAgeSeconds, 600) * 1000,
    timeoutMs: seconds("timeoutMs", options.timeoutMs, 5000),
    ...(tracer ? { tracer } : {}),
  });
}

function jwksCheck(
  options: VerifierOptions & { mode: "jwks" },
  claims: JWTVerifyOptions,
  jwks: JwksCache,
): Check {
  const algorithms = options.algorithms ?? ["EdDSA"];
  if (algorithms.length === 0 || algorithms.some((alg) => alg === "none" || alg.startsWith("HS"))) {
    throw new RangeError("algorithms must list asymmetric JWS algorithms only");
  }
  const verifyOptions = { ...claims, algorithms };
  return async (token) => (await jwtVerify(token, jwks.getKey, verifyOptions)).payload;
}

function secretCheck(
  options: VerifierOptions & { mode: "secret" },
  claims: JWTVerifyOptions,
): Check {
  const key = importHs256Secret(options.secret);
  const verifyOptions = { ...claims, algorithms: ["HS256"] };
  return async (token) => (await jwtVerify(token, await key, verifyOptions)).payload;
}

function seconds(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a number >= 0`);
  return value;
}

function toIdentity(payload: JWTPayload): Identity {
  const { sub, email, name, iat } = payload;
  if (typeof sub !== "string" || sub === "") throw new InvalidTokenError("ERR_JWT_SUB_INVALID");
  // jose has checked `iat` (required, a number, not in the future); this only narrows its type.
  if (typeof iat !== "number") throw new InvalidTokenError("ERR_JWT_CLAIM_VALIDATION_FAILED");
  return {
    userId: sub,
    email: typeof email === "string" ? email : null,
    name: typeof name === "string" ? name : null,
    issuedAt: iat,
    credential: { kind: "jwt" },
  };
}

// jose errors carry the decoded claims (JWTClaimValidationFailed.payload): keep only the code.
function toVerifierError(error: unknown): unknown {
  if (error instanceof InvalidTokenError || error instanceof KeysUnavailableError) return error;
  if (error instanceof errors.JOSEError) return new InvalidTokenError(error.code);
  return error;
}
