import type { IncomingMessage } from "node:http";

/**
 * Appends the peer's address to X-Forwarded-For, as a proxy would: the API's `ip` rate-limit
 * policy counts the rightmost entry (src/http/client-ip.ts), and here no proxy in front of the
 * handler has appended one. Both views of the headers are updated, because adapters read either.
 */
export function appendForwardedFor(request: IncomingMessage): void {
  const peer = request.socket.remoteAddress;
  if (!peer) return;
  const given = request.headers["x-forwarded-for"];
  const value = given ? `${given}, ${peer}` : peer;
  request.headers["x-forwarded-for"] = value;
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2)
    if (raw[i]?.toLowerCase() === "x-forwarded-for") raw.splice(i, 2);
  raw.push("X-Forwarded-For", value);
}
