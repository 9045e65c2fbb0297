import { setTimeout as delay } from "node:timers/promises";
import type { Tracer } from "@opentelemetry/api";
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { readCappedJson } from "../read-capped";
import { KeysUnavailableError } from "./errors";
import { tracedFetch } from "./traced-fetch";

/** The most a JWKS may weigh: a set of a few dozen keys is a few KiB. */
const JWKS_MAX_BYTES = 64 * 1024;

export interface JwksCacheOptions {
  url: string;
  /** After a failed fetch, or once a `kid` was found missing, how long before asking again. */
  cooldownMs: number;
  /** The least time between two fetches, whatever asks for them (garbage kids included). */
  refetchFloorMs: number;
  maxAgeMs: number;
  timeoutMs: number;
  /** A CLIENT span per JWKS fetch; unset, plain fetch. */
  tracer?: Tracer;
}

export interface JwksCache {
  /** The key resolver for jwtVerify. */
  getKey: JWTVerifyGetKey;
  /**
   * Whether a verification made with the key `kid` still stands: that key is in the set held
   * now, and that set is not due for a refresh. The verified-token cache asks this, so a cached
   * verification never outlives the key (a rotated-out key, a set past its max age).
   */
  holds(kid: string | undefined): boolean;
}

/** Kids found missing that are remembered (for their cooldown); garbage kids must not grow it. */
const MAX_MISSING_KIDS = 1_000;

/**
 * Keys from the issuer's JWKS over fetch + createLocalJWKSet. Not createRemoteJWKSet: it throws
 * when a stale set fails to refresh, and we keep verifying with the keys we have (stale-if-error).
 * A `kid` never found missing is looked up at once in a set fetched after it was asked for (so
 * a token signed by a key published a moment ago verifies), no sooner than `refetchFloorMs`
 * after the previous fetch; a `kid` that such a set lacked is refused without fetching for
 * `cooldownMs`, and so is every unknown `kid` for `cooldownMs` after a failed fetch.
 */
export function createJwksCache(options: JwksCacheOptions): JwksCache {
  let keys: JWTVerifyGetKey | undefined;
  let kids = new Set<string>();
  let fetchedAt = 0;
  // When the fetch that produced `keys` started: a kid asked for before it is answered by it.
  let keysAskedAt = Number.NEGATIVE_INFINITY;
  let attemptedAt = Number.NEGATIVE_INFINITY;
  let lastFailure: { error: unknown } | undefined;
  let inFlight: { startedAt: number; done: Promise<boolean> } | undefined;
  // kid → when a set fetched after it was asked for lacked it.
  const missing = new Map<string, number>();

  const now = () => performance.now();
  const coolingDown = () => now() - attemptedAt < options.cooldownMs;
  const stale = () => now() - fetchedAt >= options.maxAgeMs;
  // Nothing cached, or stale keys; after a failed fetch either waits out the cooldown, so an
  // issuer that is down gets one fetch per cooldown, not one per request.
  const refreshDue = () => (!keys || stale()) && !(lastFailure && coolingDown());
  const unavailable = () => new KeysUnavailableError({ cause: lastFailure?.error });
  const get = options.tracer ? tracedFetch(options.tracer) : fetch;

  async function load(): Promise<boolean> {
    const startedAt = now();
    try {
      const signal = AbortSignal.timeout(options.timeoutMs);
      // A redirect is refused, not followed: the keys come from the configured URL only (a
      // redirect could lead to plain http, or to a host that serves keys of its own).
      const response = await get(options.url, {
        signal,
        redirect: "error",
        headers: { accept: "application/json" },
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`JWKS endpoint answered ${response.status}`);
      }
      const set = (await readCappedJson(response, JWKS_MAX_BYTES)) as JSONWebKeySet;
      // createLocalJWKSet checks the shape and throws JWKSInvalid on anything else.
      keys = createLocalJWKSet(set);
      kids = new Set(set.keys.flatMap((key) => (typeof key.kid === "string" ? [key.kid] : [])));
      fetchedAt = now();
      keysAskedAt = startedAt;
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
    if (inFlight) return inFlight.done;
    const done = load();
    const current = { startedAt: now(), done };
    inFlight = current;
    void done.finally(() => {
      if (inFlight === current) inFlight = undefined;
    });
    return done;
  }

  /** A fetch that starts at or after `askedAt` (joined if one is running), once the floor allows. */
  async function refreshSince(askedAt: number): Promise<boolean> {
    for (;;) {
      if (inFlight && inFlight.startedAt >= askedAt) return inFlight.done;
      if (inFlight) {
        await inFlight.done;
        continue;
      }
      const wait = attemptedAt + options.refetchFloorMs - now();
      if (wait <= 0) return refresh();
      await delay(wait);
    }
  }

  function rememberMissing(kid: string) {
    missing.delete(kid);
    missing.set(kid, now());
    if (missing.size > MAX_MISSING_KIDS) {
      const oldest = missing.keys().next().value;
      if (oldest !== undefined) missing.delete(oldest);
    }
  }

  const knownMissing = (kid: string) => {
    const at = missing.get(kid);
    return at !== undefined && now() - at < options.cooldownMs;
  };

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const askedAt = now();
    if (refreshDue()) await refresh();
    const current = keys;
    if (!current) throw unavailable();
    try {
      return await current(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      // The issuer is known to be down: "no such key" would be a guess (503, no refetch).
      if (lastFailure && coolingDown()) throw unavailable();
      // A token without a kid is remembered under "".
      const kid = header.kid ?? "";
      if (knownMissing(kid)) throw error;
      // The set held may predate the key: look again, unless it was fetched since we asked.
      if (keysAskedAt < askedAt && !(await refreshSince(askedAt))) throw unavailable();
      const fresh = keys;
      if (!fresh) throw unavailable();
      try {
        return await fresh(header, token);
      } catch (retryError) {
        if (retryError instanceof errors.JWKSNoMatchingKey) rememberMissing(kid);
        throw retryError;
      }
    }
  };

  return {
    getKey,
    holds: (kid) => kid !== undefined && kids.has(kid) && !refreshDue(),
  };
}
