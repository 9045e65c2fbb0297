import net from "node:net";
import { expect } from "vitest";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends exactly `head` (a request line and headers, CRLF-terminated; fetch and curl would
 * normalise the path or refuse the method) and reads the answer until the server closes.
 * Undefined when the server closes without a byte.
 */
export function rawRequest(url: string, head: string): Promise<RawResponse | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () =>
      socket.destroy(new Error(`no answer to ${head.split("\r\n")[0]}`)),
    );
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text) return resolve(undefined);
      const [top = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...lines] = top.split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = rest.join("\r\n\r\n");
      if (headers["transfer-encoding"] === "chunked") body = unchunk(body);
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body });
    });
    socket.write(head);
  });
}

function unchunk(data: string): string {
  let out = "";
  for (let rest = data; rest.length > 0; ) {
    const lineEnd = rest.indexOf("\r\n");
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (!size) break;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
  return out;
}

/** A request line sent as is, with a Host header, closing the connection after the answer. */
export const sendLine = (url: string, line: string) =>
  rawRequest(url, `${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

/** Asserts the answer to `line` is the API's problem with `status` (and `Allow`, when given). */
export async function expectRawProblem(url: string, line: string, status: number, allow?: string) {
  const response = await sendLine(url, line);
  expect(response, line).toBeDefined();
  expect(response?.status, line).toBe(status);
  expect(response?.headers["content-type"], line).toBe("application/problem+json");
  const problem = JSON.parse(response?.body ?? "{}");
  expect(problem.status, line).toBe(status);
  expect(problem.requestId, line).toBe(response?.headers["x-request-id"]);
  if (allow) expect(response?.headers.allow, line).toBe(allow);
}
