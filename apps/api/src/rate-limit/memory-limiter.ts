import type { Policies, PolicyName, RateLimiter, RateLimitResult } from "./types";

/** How many clients one process remembers at most (about 100 bytes each). */
export const MEMORY_LIMITER_MAX_KEYS = 100_000;

/**
 * An in-process sliding-window limiter (the previous window's count, weighted by how much
 * of it still overlaps, plus the current one: the same approximation @upstash/ratelimit
 * uses). Limits are per process: with several instances, configure Redis instead.
 *
 * Memory is bounded: at most `maxKeys` clients are remembered. Past that, the least recently
 * seen one is forgotten (its count starts again), so a flood of new addresses costs the flood's
 * own counts, not the process.
 */
export function createMemoryLimiter(
  policies: Policies,
  { now = () => Date.now(), maxKeys = MEMORY_LIMITER_MAX_KEYS } = {},
): RateLimiter {
  const windows = new Map<
    string,
    { start: number; windowMs: number; current: number; previous: number }
  >();
  let sweptAt = 0;

  return {
    async check(name: PolicyName, key: string): Promise<RateLimitResult> {
      const policy = policies[name];
      const windowMs = policy.windowSeconds * 1000;
      const at = now();
      const start = at - (at % windowMs);
      const id = `${name}:${key}`;

      let state = windows.get(id);
      if (!state || state.start < start - windowMs)
        state = { start, windowMs, current: 0, previous: 0 };
      else if (state.start < start)
        state = { start, windowMs, current: 0, previous: state.current };
      // Delete first, so the Map's order is least recently seen first.
      windows.delete(id);
      windows.set(id, state);
      if (windows.size > maxKeys) windows.delete(windows.keys().next().value as string);

      const overlap = 1 - (at - start) / windowMs;
      const used = Math.floor(state.previous * overlap) + state.current;
      const allowed = used < policy.requests;
      if (allowed) state.current++;
      if (start > sweptAt) {
        // Once per window: forget keys idle for two of their windows, so memory follows
        // active clients only.
        sweptAt = start;
        for (const [other, s] of windows) if (s.start < at - 2 * s.windowMs) windows.delete(other);
      }
      return {
        policy,
        allowed,
        remaining: Math.max(0, policy.requests - used - (allowed ? 1 : 0)),
        resetSeconds: Math.ceil((start + windowMs - at) / 1000),
      };
    },
  };
}
