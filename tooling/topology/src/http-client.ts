import http from "node:http";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The address the client binds to: any of 127.0.0.0/8 reaches loopback on Linux. */
  localAddress?: string;
  agent?: http.Agent;
  timeoutMs?: number;
}

/**
 * A request as `curl` sends it: only the headers given (fetch adds `Sec-Fetch-Mode: cors`,
 * which Better Auth takes for a browser's request), from a chosen local address.
 */
export function request(url: string, options: RequestOptions = {}): Promise<Answer> {
  const { method = options.body === undefined ? "GET" : "POST", timeoutMs = 10_000 } = options;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        headers: options.headers,
        localAddress: options.localAddress,
        agent: options.agent ?? false,
        timeout: timeoutMs,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.once("error", reject);
        res.once("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.once("timeout", () =>
      req.destroy(new Error(`${method} ${url}: no answer in ${timeoutMs} ms`)),
    );
    req.once("error", reject);
    req.end(options.body);
  });
}

/** A loopback address of this run's own (127.x.y.z, never 127.0.0.1): rate-limit keys no other run shares. */
export function loopbackAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `127.${byte()}.${byte()}.${byte()}`;
}
