import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { JSONWebKeySet } from "jose";

/**
 * serve: 200 with the JWKS; fail: 500; invalid-json: 200 with a broken body; hang: never answers;
 * redirect: 302 to /moved, which serves the JWKS; endless: 200 and a JSON body that never ends
 * (chunked, written as fast as it is read).
 */
export type JwksServerMode = "serve" | "fail" | "invalid-json" | "hang" | "redirect" | "endless";

export interface JwksServer {
  readonly url: string;
  /** Requests received so far. */
  readonly hits: number;
  mode: JwksServerMode;
  jwks: JSONWebKeySet;
  /** Stops listening: later fetches get ECONNREFUSED. Safe to call twice. */
  close(): Promise<void>;
}

function endless(response: ServerResponse) {
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"keys":[');
  const padding = `{"kty":"OKP","x":"${"A".repeat(4000)}"},`;
  const more = () => {
    while (!response.destroyed && response.write(padding));
    if (!response.destroyed) response.once("drain", more);
  };
  more();
}

/** A real JWKS endpoint on 127.0.0.1 with a random port. */
export async function startJwksServer(jwks: JSONWebKeySet): Promise<JwksServer> {
  let hits = 0;
  let closed = false;
  const state = { mode: "serve" as JwksServerMode, jwks };
  const server = createServer((request, response) => {
    hits += 1;
    if (state.mode === "hang") return;
    if (state.mode === "fail") return void response.writeHead(500).end("boom");
    if (state.mode === "redirect" && request.url !== "/moved")
      return void response.writeHead(302, { location: "/moved" }).end();
    if (state.mode === "endless") return void endless(response);
    const body = state.mode === "serve" ? JSON.stringify(state.jwks) : "{not json";
    response.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/auth/jwks`,
    get hits() {
      return hits;
    },
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
    get jwks() {
      return state.jwks;
    },
    set jwks(next) {
      state.jwks = next;
    },
    async close() {
      if (closed) return;
      closed = true;
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive and hanging connections would otherwise hold close() open.
      server.closeAllConnections();
      await done;
    },
  };
}
