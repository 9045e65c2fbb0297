import { limitKey } from "./address";
import { peerAddressOf } from "./peer";
import { resolveClientAddress } from "./resolve";
import type { TrustedProxies } from "./trusted-proxies";

export { limitKey, normalizeAddress } from "./address";
export { PEER_ADDRESS_HEADER, peerAddressOf } from "./peer";
export { resolveClientAddress } from "./resolve";
export { NO_TRUSTED_PROXY, parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

/**
 * The client's address for `request`, from the socket a server of ours saw and the
 * `X-Forwarded-For` entries the trusted proxies wrote; undefined when it cannot be known.
 */
export function clientAddressOf(request: Request, trusted: TrustedProxies): string | undefined {
  return resolveClientAddress({
    forwardedFor: request.headers.get("x-forwarded-for"),
    peer: peerAddressOf(request),
    trusted,
  });
}

/**
 * The key per-address limits count under: the address (an IPv6 one grouped by /64), or
 * `unknown`, one key shared by every request whose address cannot be known.
 */
export function clientLimitKey(request: Request, trusted: TrustedProxies): string {
  const address = clientAddressOf(request, trusted);
  return address === undefined ? "unknown" : limitKey(address);
}
