import http from "node:http";
import type { AddressInfo } from "node:net";
import { context, propagation, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tracedFetch } from "../src/verifier/traced-fetch";

// The JWKS fetch's span (src/verifier/traced-fetch.ts), against a real HTTP server, with a
// real SDK recording in memory.
describe("tracedFetch", () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const contextManager = new AsyncLocalStorageContextManager();
  const fetchTraced = tracedFetch(provider.getTracer("test"));
  const seen: http.IncomingHttpHeaders[] = [];
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager.enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    server = http.createServer((request, response) => {
      seen.push(request.headers);
      const status = request.url?.startsWith("/broken") ? 500 : 200;
      response.writeHead(status, { "content-type": "application/json" }).end('{"keys":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    contextManager.disable();
    context.disable();
    propagation.disable();
  });

  it("records a CLIENT span without the query, and sends its traceparent on", async () => {
    exporter.reset();
    const response = await fetchTraced(`${base}/api/auth/jwks?secret=s3cr3t`, {});
    expect(response.status).toBe(200);
    const [span] = exporter.getFinishedSpans();
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes).toEqual({
      "http.request.method": "GET",
      "url.full": `${base}/api/auth/jwks`,
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(base).port),
      "http.response.status_code": 200,
    });
    const { traceId, spanId } = span?.spanContext() ?? {};
    expect(seen.at(-1)?.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it("marks an error answer and an unreachable server failed", async () => {
    exporter.reset();
    await fetchTraced(`${base}/broken`, {});
    await expect(fetchTraced("http://127.0.0.1:1/", {})).rejects.toThrow();
    const [answered, unreachable] = exporter.getFinishedSpans();
    expect(answered?.status.code).toBe(SpanStatusCode.ERROR);
    expect(answered?.attributes["error.type"]).toBe("500");
    expect(unreachable?.status.code).toBe(SpanStatusCode.ERROR);
    expect(unreachable?.attributes["error.type"]).toBe("TypeError");
  });
});
