/**
 * The client's address for the `ip` rate-limit policy: the rightmost `X-Forwarded-For` entry,
 * which the nearest proxy (Next's own server, or the platform's edge) appended from the socket.
 * Entries to its left come from the client and could be forged to dodge the limit.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || request.headers.get("x-real-ip")?.trim() || "unknown";
}
