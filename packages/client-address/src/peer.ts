/**
 * How a server of ours tells the handlers the address of the socket a request came in on.
 * Next's route handlers see a `Request`, never the socket, so the server that accepted it
 * writes the address into this header, replacing any copy the client sent (host.ts).
 *
 * The header is read only in a process where such a server runs: under `next start` or
 * `next dev` no code of ours sees the socket, a client's copy would pass untouched, and the
 * peer is unknown (the app must then run behind a trusted proxy; README, Decisions).
 */
export const PEER_ADDRESS_HEADER = "x-todo-peer-address";

const MARK = Symbol.for("@repo/client-address.peer-header");
const registry = globalThis as { [MARK]?: true };

/** Called by a server that writes PEER_ADDRESS_HEADER on every request it accepts. */
export function markPeerHeaderWritten(): void {
  registry[MARK] = true;
}

/**
 * The socket's address of `request`, when a server of ours in this process wrote it: undefined
 * under a server that doesn't (the peer is unknown), `""` if ours could not read it.
 */
export function peerAddressOf(request: Request): string | undefined {
  if (!registry[MARK]) return undefined;
  return request.headers.get(PEER_ADDRESS_HEADER) ?? "";
}
