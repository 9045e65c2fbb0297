import type { IncomingMessage } from "node:http";
import { markPeerHeaderWritten, PEER_ADDRESS_HEADER } from "./peer";

/**
 * For a Node HTTP server of ours: writes the socket's address into PEER_ADDRESS_HEADER,
 * replacing whatever the client sent under that name, in both views of the headers (adapters
 * read either). Call it first thing for every request, before any handler runs.
 */
export function writePeerAddress(request: IncomingMessage): void {
  markPeerHeaderWritten();
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2)
    if (raw[i]?.toLowerCase() === PEER_ADDRESS_HEADER) raw.splice(i, 2);
  const peer = request.socket.remoteAddress;
  if (peer === undefined) {
    delete request.headers[PEER_ADDRESS_HEADER];
    return;
  }
  request.headers[PEER_ADDRESS_HEADER] = peer;
  raw.push(PEER_ADDRESS_HEADER, peer);
}
