import { webcrypto } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";

/**
 * The token check the API does, built once: the same algorithm (EdDSA through the JWKS, or
 * HS256 with the decoded key imported once), issuer, audience, required `exp` and 30 s clock tolerance,
 * and the same memory of verified tokens (@repo/auth's verified-tokens.ts: keyed by the whole
 * token, 10,000 at most, least recently used out first, trusted until `exp` and at most 300 s).
 * Resolves to the user id (`sub`); rejects on any invalid token.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<(token: string) => Promise<string>>}
 */
export async function createTokenCheck(env) {
  const verify = await createVerification(env);
  /** @type {Map<string, { userId: string; until: number }>} */
  const verified = new Map();
  return async (token) => {
    const now = Date.now();
    const known = verified.get(token);
    if (known) {
      verified.delete(token);
      if (now < known.until) {
        verified.set(token, known);
        return known.userId;
      }
    }
    const { userId, exp } = await verify(token);
    const until = Math.min(exp * 1000, now + 300_000);
    if (until > now) {
      verified.set(token, { userId, until });
      if (verified.size > 10_000) verified.delete(verified.keys().next().value ?? "");
    }
    return userId;
  };
}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<(token: string) => Promise<{ userId: string; exp: number }>>}
 */
async function createVerification(env) {
  const issuer = required(env, "AUTH_ISSUER");
  const audience = required(env, "AUTH_AUDIENCE");
  const claims = { issuer, audience, clockTolerance: 30, requiredClaims: ["exp"] };
  const subject = (/** @type {import("jose").JWTPayload} */ payload) => {
    if (typeof payload.sub !== "string" || payload.sub === "") throw new Error("no sub");
    return { userId: payload.sub, exp: Number(payload.exp) };
  };

  if (env.AUTH_JWT_SECRET) {
    const key = await webcrypto.subtle.importKey(
      "raw",
      // As the API takes it: base64 (or base64url) of the key's bytes, not the text.
      Buffer.from(env.AUTH_JWT_SECRET, "base64url"),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    );
    const options = { ...claims, algorithms: ["HS256"] };
    return async (token) => subject((await jwtVerify(token, key, options)).payload);
  }
  // One JWKS fetch per process, as the API's cache does.
  const keys = createRemoteJWKSet(new URL(required(env, "AUTH_JWKS_URL")));
  const options = { ...claims, algorithms: ["EdDSA"] };
  return async (token) => subject((await jwtVerify(token, keys, options)).payload);
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 */
function required(env, name) {
  const value = env[name];
  if (!value) throw new Error(`baseline: ${name} is required`);
  return value;
}
