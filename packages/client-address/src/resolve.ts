import { normalizeAddress } from "./address";
import { isTrusted, type TrustedProxies } from "./trusted-proxies";

export interface ClientAddressInput {
  /** The request's `X-Forwarded-For` header, as received (several headers joined by commas). */
  forwardedFor: string | null | undefined;
  /**
   * The address of whoever opened the connection, when the server knows it. Next's route
   * handlers don't (see host.ts): then the connection is taken to come from the nearest
   * trusted proxy, which a Next app must run behind.
   */
  peer: string | undefined;
  trusted: TrustedProxies;
}

/**
 * The client's address: the first hop, counting from the server outwards, that is not a
 * trusted proxy. Hops further out are what the client itself sent and are never read. Returns
 * undefined when that hop is not a valid IP address, or when no address can be known (no peer,
 * and no proxy trusted to name the client).
 */
export function resolveClientAddress({
  forwardedFor,
  peer,
  trusted,
}: ClientAddressInput): string | undefined {
  const peerAddress = peer === undefined ? undefined : normalizeAddress(peer);
  if (trusted.kind === "none") return peerAddress;
  const hops = forwardedFor ? forwardedFor.split(",") : [];
  if (peer !== undefined) hops.push(peerAddress ?? "");
  if (hops.length === 0) return undefined;

  if (trusted.kind === "count") {
    // With the peer in the list, the client is `hops` entries before it; without it, the peer
    // is the last proxy, so one entry fewer to skip. Fewer entries than proxies: the request
    // went through fewer of them, and the outermost entry is the one a proxy (or the socket)
    // vouches for.
    const skip = peer === undefined ? trusted.hops - 1 : trusted.hops;
    return normalizeAddress(hops[Math.max(0, hops.length - 1 - skip)] ?? "");
  }
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = normalizeAddress(hops[i] ?? "");
    if (address === undefined) return undefined;
    if (i === 0 || !isTrusted(trusted.networks, address)) return address;
  }
  return undefined;
}
