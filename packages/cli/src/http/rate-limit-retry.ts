import { type FetchLike, retryAfterSeconds } from "@repo/api-client";

/** The longest `Retry-After` the CLI waits out; a longer one fails at once (exit 7). */
export const MAX_RETRY_WAIT_SECONDS = 60;

export interface RetryOptions {
  sleep: (ms: number) => Promise<void>;
  /** Told before the wait, so a user sees why nothing happens. */
  notice: (message: string) => void;
}

/**
 * A fetch that answers a 429 by waiting out its `Retry-After` (seconds, at most 60) and sending
 * the request once more; a second 429, or a longer wait, is returned as it is. A refused request
 * changed nothing, so sending it again is safe; the client sends string bodies, which can be
 * sent twice.
 */
export function withRateLimitRetry(fetchFn: FetchLike, { sleep, notice }: RetryOptions): FetchLike {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    if (response.status !== 429) return response;
    const seconds = retryAfterSeconds(response.headers.get("retry-after"));
    if (seconds === undefined || seconds > MAX_RETRY_WAIT_SECONDS) return response;
    await response.body?.cancel();
    notice(`Rate limited: waiting ${seconds} s (Retry-After), then retrying once.`);
    await sleep(seconds * 1000);
    return fetchFn(input, init);
  };
}
