import http from "node:http";

export interface SentRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  body: string;
  /** From writing the request to the last byte of the response. */
  ms: number;
}

/** One keep-alive connection: sequential requests measure the server, not connection set-up. */
export const sequentialAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

export function send(url: string, request: SentRequest = {}, agent?: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      { method: request.method ?? "GET", headers: request.headers, agent, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} within 30 s`)));
    req.on("error", reject);
    req.end(request.body);
  });
}
