import type { Tracer } from "@opentelemetry/api";
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { KeysUnavailableError } from "./errors";
import { tracedFetch } from "./traced-fetch";

export interface JwksCacheOptions {
  url: string;
  cooldownMs: number;
  maxAgeMs: number;
  timeoutMs: number;
  /** A CLIENT span per JWKS fetch; unset, plain fetch. */
  tracer?: Tracer;
}

/**
 * A key resolver for jwtVerify over fetch + createLocalJWKSet. Not createRemoteJWKSet: it throws
 * when a stale set fails to refresh, and we keep verifying with the keys we have (stale-if-error).
 * Every fetch, failed or not, starts the cooldown that throttles unknown-kid refetches.
 */
export function createJwksCache(options: JwksCacheOptions): JWTVerifyGetKey {
  let keys: JWTVerifyGetKey | undefined;
  let fetchedAt = 0;
  let attemptedAt = Number.NEGATIVE_INFINITY;
  let lastFailure: { error: unknown } | undefined;
  let inFlight: Promise<boolean> | undefined;

  const now = () => performance.now();
  const coolingDown = () => now() - attemptedAt < options.cooldownMs;
  const stale = () => now() - fetchedAt >= options.maxAgeMs;
  const unavailable = () => new KeysUnavailableError({ cause: lastFailure?.error });
  const get = options.tracer ? tracedFetch(options.tracer) : fetch;

  async function load(): Promise<boolean> {
    try {
      const signal = AbortSignal.timeout(options.timeoutMs);
      const response = await get(options.url, {
        signal,
        headers: { accept: "application/json" },
      });
      if (!response.ok) throw new Error(`JWKS endpoint answered ${response.status}`);
      // createLocalJWKSet checks the shape and throws JWKSInvalid on anything else.
      keys = createLocalJWKSet((await response.json()) as JSONWebKeySet);
      fetchedAt = now();
      lastFailure = undefined;
      return true;
    } catch (error) {
      lastFailure = { error };
      return false;
    } finally {
      // Counted from the end, so a fetch that hangs until the timeout does not eat the cooldown.
      attemptedAt = now();
    }
  }

  // Concurrent callers share one in-flight fetch.
  function refresh(): Promise<boolean> {
    if (inFlight) return inFlight;
    const pending = load();
    inFlight = pending;
    void pending.finally(() => {
      inFlight = undefined;
    });
    return pending;
  }

  return async (header, token) => {
    // With nothing cached every request may try; a failed refresh of stale keys waits a cooldown.
    if (!keys || (stale() && !(lastFailure && coolingDown()))) await refresh();
    const current = keys;
    if (!current) throw unavailable();
    try {
      return await current(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      const pending = inFlight ?? (coolingDown() ? undefined : refresh());
      // Inside the cooldown: the fresh set has no such key (401), or the issuer is down (503).
      if (!pending) throw lastFailure ? unavailable() : error;
      if (!(await pending) || !keys) throw unavailable();
      return keys(header, token);
    }
  };
}
