import { context as contextApi, SpanStatusCode } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedactingProcessor, REDACTED } from "../src/redact";
import { reportRequestError } from "../src/request-error";

function tracerWithRedaction() {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [createRedactingProcessor(), new SimpleSpanProcessor({ exporter })],
  });
  return { tracer: provider.getTracer("test"), exporter };
}

describe("the redacting span processor", () => {
  it("strips query strings from URL-like attributes and names, set at start or later", () => {
    const { tracer, exporter } = tracerWithRedaction();
    const span = tracer.startSpan("fetch GET http://issuer.test/jwks?secret=1", {
      attributes: { "http.target": "/api/v1/todos?q=secret&x=2", "http.route": "/api/v1/todos" },
    });
    span.setAttribute("url.full", "https://example.test/a/b?token=secret#frag");
    span.setAttribute("next.span_name", "GET /page?x=secret");
    span.end();
    const [done] = exporter.getFinishedSpans();
    expect(done?.name).toBe("fetch GET http://issuer.test/jwks");
    expect(done?.attributes).toEqual({
      "http.target": "/api/v1/todos",
      "http.route": "/api/v1/todos",
      "url.full": "https://example.test/a/b#frag",
      "next.span_name": "GET /page",
    });
  });

  it.each([
    "http.request.header.authorization",
    "http.request.header.cookie",
    "http.response.header.set-cookie",
    "db.user.password",
    "auth.token",
    "url.query",
    "http.request.body",
  ])("replaces %s, whoever sets it", (key) => {
    const { tracer, exporter } = tracerWithRedaction();
    tracer.startSpan("s", { attributes: { [key]: "secret-at-start" } }).end();
    const later = tracer.startSpan("t");
    later.setAttribute(key, "secret-later");
    later.end();
    for (const span of exporter.getFinishedSpans()) expect(span.attributes[key]).toBe(REDACTED);
  });
});

describe("reportRequestError (onRequestError in both apps)", () => {
  const request = { path: "/todos?email=someone@example.test", method: "POST" };
  const context = { routerKind: "App Router", routePath: "/todos", routeType: "render" };

  // What the SDK registers: the active span is the one Next runs the request in.
  const contextManager = new AsyncLocalStorageContextManager();
  beforeAll(() => contextApi.setGlobalContextManager(contextManager.enable()));
  afterAll(() => {
    contextManager.disable();
    contextApi.disable();
  });

  it("logs the digest, route and path without query, never the message; marks the span failed", () => {
    const { tracer, exporter } = tracerWithRedaction();
    const error = Object.assign(new Error("Failed query: insert … params: secret-title"), {
      digest: "123456",
    });
    const record = tracer.startActiveSpan("GET /todos", (span) => {
      const result = reportRequestError(error, { request, context });
      span.end();
      return { result, ids: span.spanContext() };
    });
    expect(record.result).toMatchObject({
      traceId: record.ids.traceId,
      spanId: record.ids.spanId,
      error: { name: "Error", digest: "123456" },
      method: "POST",
      path: "/todos",
      route: "/todos",
      routeType: "render",
    });
    expect(JSON.stringify(record)).not.toContain("secret-title");
    expect(JSON.stringify(record)).not.toContain("someone@example.test");
    const [span] = exporter.getFinishedSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.events.map((event) => event.name)).toEqual(["exception"]);
    expect(JSON.stringify(span?.events)).not.toContain("secret-title");
  });
});
