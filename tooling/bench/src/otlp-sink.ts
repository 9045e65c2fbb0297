import http from "node:http";
import type { AddressInfo } from "node:net";

export interface OtlpSink {
  /** What to give the hosts as OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint: string;
  /** Exports received, by path (/v1/traces, /v1/metrics), and their bytes. */
  received(): { traces: number; metrics: number; bytes: number };
  close(): Promise<void>;
}

/**
 * An OTLP/HTTP endpoint that accepts and discards (`pnpm bench --otlp`): the hosts pay for
 * building and sending their telemetry as they would to a collector, while the harness spends
 * as little as it can on receiving it (bytes are counted, never parsed).
 */
export async function startOtlpSink(): Promise<OtlpSink> {
  const counts = { traces: 0, metrics: 0, bytes: 0 };
  const server = http.createServer((request, response) => {
    request.on("data", (chunk: Buffer) => {
      counts.bytes += chunk.length;
    });
    request.on("end", () => {
      if (request.url === "/v1/traces") counts.traces++;
      else if (request.url === "/v1/metrics") counts.metrics++;
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
