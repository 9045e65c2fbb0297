import type { Logger } from "pino";

// Shared by every store that fails open: the API's rate limiter and Better Auth's counters.

export interface StoreHealth {
  /** A check could not reach the store and was allowed. */
  failed(reason: unknown): void;
  /** A check got its answer from the store. */
  succeeded(): void;
}

/**
 * Logs a rate-limit store outage without flooding the log: the first failure, then at most one
 * line per `repeatEveryMs` while it lasts (with how many checks were let through meanwhile),
 * and one line when the store answers again.
 */
export function createStoreHealth(
  logger: Logger,
  { store, repeatEveryMs = 10_000 }: { store: string; repeatEveryMs?: number },
): StoreHealth {
  let down = false;
  let loggedAt = 0;
  let allowedSinceLog = 0;
  let allowedDuringOutage = 0;

  return {
    failed(reason) {
      allowedSinceLog++;
      allowedDuringOutage++;
      const now = Date.now();
      if (down && now - loggedAt < repeatEveryMs) return;
      const err = reason instanceof Error ? reason.message : String(reason);
      logger.warn(
        { store, err, allowedUnchecked: allowedSinceLog },
        "Rate-limit store unavailable: requests are allowed without a limit until it answers again",
      );
      down = true;
      loggedAt = now;
      allowedSinceLog = 0;
    },
    succeeded() {
      if (!down) return;
      logger.info(
        { store, allowedUnchecked: allowedDuringOutage },
        "Rate-limit store answers again: limiting resumed",
      );
      down = false;
      allowedSinceLog = 0;
      allowedDuringOutage = 0;
    },
  };
}
