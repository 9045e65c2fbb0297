import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { clientAddressOf, PEER_ADDRESS_HEADER, parseTrustedProxies } from "../src";
import { writePeerAddress } from "../src/host";

let server: http.Server;
let url: string;

beforeAll(async () => {
  // A server of ours: it writes the peer, then answers with what a handler would conclude.
  server = http.createServer((request, response) => {
    writePeerAddress(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === "string") headers.set(name, value);
    const asFetch = new Request(`http://localhost${request.url}`, { headers });
    const trusted = parseTrustedProxies(new URL(asFetch.url).searchParams.get("trusted") ?? "");
    const rawPeer = request.rawHeaders.filter((_, i, all) => all[i - 1] === PEER_ADDRESS_HEADER);
    response.end(JSON.stringify({ client: clientAddressOf(asFetch, trusted) ?? null, rawPeer }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = async (query: string, headers: Record<string, string>, localAddress = "127.0.0.2") =>
  new Promise<{ client: string | null; rawPeer: string[] }>((resolve, reject) => {
    http
      .get(`${url}/${query}`, { headers, localAddress }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve(JSON.parse(body)));
      })
      .on("error", reject);
  });

it("takes the socket's address, not a client's forged peer header or X-Forwarded-For", async () => {
  const answer = await ask("", {
    [PEER_ADDRESS_HEADER]: "198.51.100.66",
    "x-forwarded-for": "198.51.100.77",
  });
  expect(answer).toEqual({ client: "127.0.0.2", rawPeer: ["127.0.0.2"] });
});

it("believes the X-Forwarded-For entry of a trusted proxy", async () => {
  const proxied = await ask("?trusted=127.0.0.2/32", {
    "x-forwarded-for": "6.6.6.6, 198.51.100.7",
  });
  expect(proxied.client).toBe("198.51.100.7");
  const untrusted = await ask("?trusted=127.0.0.3/32", { "x-forwarded-for": "198.51.100.7" });
  expect(untrusted.client).toBe("127.0.0.2");
});
