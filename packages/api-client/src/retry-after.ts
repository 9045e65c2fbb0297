/**
 * `Retry-After` in seconds from now. The API sends delta-seconds; an HTTP-date (which a proxy in
 * front of it may send) is converted, so callers only ever see one unit.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
