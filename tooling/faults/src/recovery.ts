/**
 * Milliseconds from `faultEndedAt` to the moment the first run of `k` consecutive successes
 * (by completion time, among requests that ended after the fault) was complete; undefined when
 * no such run came.
 */
export function timeToRecover(
  results: { endedAt: number; success: boolean }[],
  faultEndedAt: number,
  k: number,
): number | undefined {
  const after = results
    .filter((result) => result.endedAt >= faultEndedAt)
    .sort((a, b) => a.endedAt - b.endedAt);
  let run = 0;
  for (const result of after) {
    run = result.success ? run + 1 : 0;
    if (run === k) return result.endedAt - faultEndedAt;
  }
  return undefined;
}
