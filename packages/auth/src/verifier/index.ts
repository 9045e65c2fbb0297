import { errors, type JWTPayload, type JWTVerifyOptions, jwtVerify } from "jose";
import { InvalidTokenError, KeysUnavailableError } from "./errors";
import { createJwksCache } from "./jwks-cache";
import { importHs256Secret } from "./secret-key";

export { bearerToken } from "./bearer";
export { InvalidTokenError, KeysUnavailableError } from "./errors";

export type VerifierOptions =
  | {
      mode: "jwks";
      jwksUrl: string;
      issuer: string;
      audience: string;
      /** Default ["EdDSA"]. Symmetric algorithms and "none" are refused. */
      algorithms?: string[];
      /** Default 30, at most 60. */
      clockToleranceSeconds?: number;
      /** Minimum time between two JWKS fetches triggered by an unknown `kid`. Default 30. */
      cooldownSeconds?: number;
      /** Age after which cached keys are refreshed (kept if the refresh fails). Default 600. */
      maxAgeSeconds?: number;
      /** Default 5000. */
      timeoutMs?: number;
    }
  | {
      mode: "secret";
      secret: string;
      issuer: string;
      audience: string;
      clockToleranceSeconds?: number;
    };

export interface Identity {
  userId: string;
  email: string | null;
  name: string | null;
}

export interface Verifier {
  /** Resolves to the caller's identity; rejects with InvalidTokenError or KeysUnavailableError. */
  verify(token: string): Promise<Identity>;
}

const MAX_CLOCK_TOLERANCE_SECONDS = 60;

export function createVerifier(options: VerifierOptions): Verifier {
  const claims = {
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: seconds("clockToleranceSeconds", options.clockToleranceSeconds, 30),
    requiredClaims: ["exp"],
  } satisfies JWTVerifyOptions;
  if (claims.clockTolerance > MAX_CLOCK_TOLERANCE_SECONDS) {
    throw new RangeError(`clockToleranceSeconds must be at most ${MAX_CLOCK_TOLERANCE_SECONDS}`);
  }
  const check = options.mode === "jwks" ? jwksCheck(options, claims) : secretCheck(options, claims);
  return {
    async verify(token) {
      try {
        return toIdentity(await check(token));
      } catch (error) {
        throw toVerifierError(error);
      }
    },
  };
}

type Check = (token: string) => Promise<JWTPayload>;

function jwksCheck(options: VerifierOptions & { mode: "jwks" }, claims: JWTVerifyOptions): Check {
  const algorithms = options.algorithms ?? ["EdDSA"];
  if (algorithms.length === 0 || algorithms.some((alg) => alg === "none" || alg.startsWith("HS"))) {
    throw new RangeError("algorithms must list asymmetric JWS algorithms only");
  }
  const getKey = createJwksCache({
    url: options.jwksUrl,
    cooldownMs: seconds("cooldownSeconds", options.cooldownSeconds, 30) * 1000,
    maxAgeMs: seconds("maxAgeSeconds", options.maxAgeSeconds, 600) * 1000,
    timeoutMs: seconds("timeoutMs", options.timeoutMs, 5000),
  });
  const verifyOptions = { ...claims, algorithms };
  return async (token) => (await jwtVerify(token, getKey, verifyOptions)).payload;
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
  const { sub, email, name } = payload;
  if (typeof sub !== "string" || sub === "") throw new InvalidTokenError("ERR_JWT_SUB_INVALID");
  return {
    userId: sub,
    email: typeof email === "string" ? email : null,
    name: typeof name === "string" ? name : null,
  };
}

// jose errors carry the decoded claims (JWTClaimValidationFailed.payload): keep only the code.
function toVerifierError(error: unknown): unknown {
  if (error instanceof InvalidTokenError || error instanceof KeysUnavailableError) return error;
  if (error instanceof errors.JOSEError) return new InvalidTokenError(error.code);
  return error;
}
