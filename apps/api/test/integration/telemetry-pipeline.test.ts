import { createHash } from "node:crypto";
import { context, metrics, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { type DataPoint, MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleRequest } from "../../src/app";
import type { ApiDeps } from "../../src/deps";
import { createMemoryLimiter } from "../../src/rate-limit/memory-limiter";
import { type ApiTelemetry, createApiTelemetry } from "../../src/telemetry/instruments";
import { useApi } from "../support/api";

// The pipeline's spans and metrics in process, on the SDK's in-memory exporter and a reader
// collected on demand: what the hosts export over OTLP (test/http/telemetry.test.ts checks that
// end to end), checked step by step here, where coverage is measured.
const hash = (key: string) => createHash("sha256").update(key).digest("base64url");

class CollectOnDemand extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

const spans = new InMemorySpanExporter();
const reader = new CollectOnDemand();
let telemetry: ApiTelemetry;

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(
    new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] }),
  );
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  telemetry = createApiTelemetry(() => ({ total: 3, idle: 1, waiting: 4 }));
});
afterAll(() => {
  trace.disable();
  metrics.disable();
  context.disable();
  propagation.disable();
});

/** Every data point of `name` from one collection, with its attributes. */
async function points(name: string): Promise<DataPoint<unknown>[]> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics
    .flatMap((scope) => scope.metrics)
    .filter((metric) => metric.descriptor.name === name)
    .flatMap((metric) => metric.dataPoints as DataPoint<unknown>[]);
}

describe("the request pipeline with telemetry on", () => {
  const api = useApi();
  const deps = (overrides: Partial<ApiDeps> = {}): ApiDeps => ({
    ...api.deps(),
    telemetry,
    ...overrides,
  });
  const send = (path: string, init: RequestInit = {}, overrides: Partial<ApiDeps> = {}) =>
    handleRequest(new Request(`http://localhost:3001${path}`, init), deps(overrides));
  const byName = (name: string) => spans.getFinishedSpans().filter((span) => span.name === name);
  const only = (name: string): ReadableSpan => {
    const found = byName(name);
    expect(found, name).toHaveLength(1);
    return found[0] as ReadableSpan;
  };

  beforeEach(() => spans.reset());

  it("runs one request in a server span with authenticate, rate-limit and handler children, and logs its ids", async () => {
    const ada = await api.createUser();
    const response = await send("/api/v1/todos", {
      method: "POST",
      headers: { authorization: `Bearer ${ada.token}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "a secret plan" }),
    });
    expect(response.status).toBe(201);

    const server = only("POST /api/v1/todos");
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.attributes).toMatchObject({
      "http.request.method": "POST",
      "http.route": "/api/v1/todos",
      "http.response.status_code": 201,
    });
    const { traceId, spanId } = server.spanContext();
    for (const name of ["todo_api.authenticate", "todo_api.rate_limit", "todo_api.handler"]) {
      const child = only(name);
      expect(child.spanContext().traceId, name).toBe(traceId);
      expect(child.parentSpanContext?.spanId, name).toBe(spanId);
    }
    expect(only("todo_api.rate_limit").attributes).toMatchObject({
      "todo_api.rate_limit.policy": "user",
      "todo_api.rate_limit.allowed": true,
    });
    expect(only("todo_api.handler").attributes["todo_api.operation"]).toBeTypeOf("string");

    const line = api.logs.map((text) => JSON.parse(text)).find((l) => l.status === 201);
    expect(line).toMatchObject({ traceId, spanId });
    // Nothing the client sent in secret or as content is on any span.
    const exported = JSON.stringify(spans.getFinishedSpans().map((span) => span.attributes));
    expect(exported).not.toContain(ada.token);
    expect(exported).not.toContain("a secret plan");
  });

  it("puts no API key on any span, neither its plaintext nor its hash, and counts a refused key by reason", async () => {
    const ada = await api.createUser();
    const { key } = await api.createApiKey(ada.id, ["todos:read"]);
    const unknown = `todo_${"q".repeat(64)}`;
    const before = await points("todo_api.auth.failures");
    const get = (token: string) =>
      send("/api/v1/todos", { headers: { authorization: `Bearer ${token}` } });
    expect((await get(key)).status).toBe(200);
    expect((await get(unknown)).status).toBe(401);
    const post = await send("/api/v1/todos", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(post.status).toBe(403);

    expect(byName("todo_api.authenticate")).toHaveLength(3);
    const exported = JSON.stringify(
      spans.getFinishedSpans().map((span) => [span.name, span.attributes, span.events]),
    );
    for (const secret of [key, unknown, hash(key), hash(unknown), key.slice(5)])
      expect(exported).not.toContain(secret);
    const after = await points("todo_api.auth.failures");
    const count = (all: DataPoint<unknown>[]) =>
      Number(all.find((p) => p.attributes.reason === "API_KEY_UNKNOWN")?.value ?? 0);
    expect(count(after) - count(before)).toBe(1);
  });

  it("continues the caller's trace from traceparent", async () => {
    const callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    await send("/api/v1/todos", {
      headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` },
    });
    const server = only("GET /api/v1/todos");
    expect(server.spanContext().traceId).toBe(callerTrace);
    expect(server.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
  });

  it.each([
    ["malformed", "00-not-a-trace-01"],
    ["all-zero ids", `00-${"0".repeat(32)}-${"0".repeat(16)}-01`],
    ["oversized", `00-${"a".repeat(32)}-${"b".repeat(16)}-01${"x".repeat(8_000)}`],
  ])(
    "ignores a %s traceparent: a new trace, and the request answered as usual",
    async (_, value) => {
      const response = await send("/api/v1/todos", { headers: { traceparent: value } });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const server = only("GET /api/v1/todos");
      expect(server.parentSpanContext).toBeUndefined();
      expect(server.spanContext().traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
      expect(JSON.stringify(server.attributes)).not.toContain("not-a-trace");
    },
  );

  it("marks a refused token's authenticate span failed and counts the failure by reason", async () => {
    const before = await points("todo_api.auth.failures");
    const count = (all: DataPoint<unknown>[], reason: string) =>
      Number(all.find((p) => p.attributes.reason === reason)?.value ?? 0);

    expect((await send("/api/v1/todos")).status).toBe(401);
    expect(
      (await send("/api/v1/todos", { headers: { authorization: "Bearer not.a.jwt" } })).status,
    ).toBe(401);

    const authenticate = byName("todo_api.authenticate");
    expect(authenticate).toHaveLength(2);
    for (const span of authenticate) expect(span.status.code).toBe(SpanStatusCode.ERROR);
    // A 4xx is the client's failure: the server span is not an error.
    for (const span of byName("GET /api/v1/todos"))
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    const after = await points("todo_api.auth.failures");
    expect(count(after, "missing") - count(before, "missing")).toBe(1);
    const others = after.filter((p) => p.attributes.reason !== "missing");
    expect(others.length).toBeGreaterThan(0);
  });

  it("counts a rate-limit refusal by policy", async () => {
    const ada = await api.createUser();
    const rateLimiter = createMemoryLimiter({
      user: { name: "user", requests: 1, windowSeconds: 60 },
      ip: { name: "ip", requests: 100, windowSeconds: 60 },
    });
    const headers = { authorization: `Bearer ${ada.token}` };
    expect((await send("/api/v1/todos", { headers }, { rateLimiter })).status).toBe(200);
    expect((await send("/api/v1/todos", { headers }, { rateLimiter })).status).toBe(429);
    const refused = byName("todo_api.rate_limit").filter(
      (span) => span.attributes["todo_api.rate_limit.allowed"] === false,
    );
    expect(refused).toHaveLength(1);
    const rejections = await points("todo_api.rate_limit.rejections");
    expect(rejections.find((p) => p.attributes.policy === "user")?.value).toBe(1);
  });

  it("records each request's duration by route, method and status, and names unknown methods _OTHER", async () => {
    await send("/api/v1/nowhere");
    await handleRequest(new Request("http://localhost:3001/api/v1/todos"), deps(), "FROB");
    const durations = await points("http.server.request.duration");
    const notFound = durations.find(
      (p) => p.attributes["http.response.status_code"] === 404 && !p.attributes["http.route"],
    );
    expect(notFound?.attributes["http.request.method"]).toBe("GET");
    const other = durations.find((p) => p.attributes["http.request.method"] === "_OTHER");
    expect(other?.attributes).toMatchObject({ "http.route": "/api/v1/todos" });
    expect(other?.value).toMatchObject({ count: 1 });
    expect(byName("_OTHER /api/v1/todos")).toHaveLength(1);
  });

  it("observes the database pool: connections in use and idle, and queries waiting", async () => {
    const connections = await points("db.client.connection.count");
    const state = (name: string) =>
      connections.find((p) => p.attributes["db.client.connection.state"] === name)?.value;
    expect(state("used")).toBe(2);
    expect(state("idle")).toBe(1);
    const pending = await points("db.client.connection.pending_requests");
    expect(pending[0]?.value).toBe(4);
    expect(pending[0]?.attributes["db.client.connection.pool.name"]).toBe("api");
  });
});
