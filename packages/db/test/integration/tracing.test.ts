import { context, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseClient } from "../../src/client";
import { user } from "../../src/schema";
import { testDriverOptions, useTestDatabase } from "../../src/testing/vitest";

const SECRET_NAME = "name-secret-4f1c";

// The pool wrapper of src/tracing.ts on the project's driver (pg over TCP, or Neon's Pool),
// with a real SDK recording in memory.
describe("query spans", () => {
  const database = useTestDatabase();
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const tracer = provider.getTracer("test");
  const contextManager = new AsyncLocalStorageContextManager();
  let client: DatabaseClient;

  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable());
    client = createDatabase({ url: database.current.url, ...testDriverOptions(), max: 2, tracer });
  });
  afterAll(async () => {
    await client.close();
    contextManager.disable();
    context.disable();
  });

  /** Runs `work` in a parent span and returns the spans it made, the parent's first. */
  async function traced(work: () => Promise<unknown>) {
    exporter.reset();
    const parent: Span = tracer.startSpan("parent");
    await context.with(trace.setSpan(context.active(), parent), work).catch(() => {});
    parent.end();
    const spans = exporter.getFinishedSpans();
    const parentId = parent.spanContext().spanId;
    return { spans: spans.filter((s) => s.name !== "parent"), parentId };
  }

  it("makes a CLIENT span per query, in a transaction too, children of the active span", async () => {
    const { spans, parentId } = await traced(async () => {
      await client.db
        .insert(user)
        .values({ id: "traced-1", name: SECRET_NAME, email: "t1@example.test" });
      await client.db.transaction((tx) => tx.select().from(user).where(eq(user.id, "traced-1")));
    });
    expect(spans.map((s) => s.name)).toEqual(["INSERT user", "BEGIN", "SELECT user", "COMMIT"]);
    for (const span of spans) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.parentSpanContext?.spanId).toBe(parentId);
      expect(span.attributes["db.system.name"]).toBe("postgresql");
    }
    expect(spans[0]?.attributes).toMatchObject({
      "db.operation.name": "INSERT",
      "db.collection.name": "user",
    });
    expect(spans[0]?.attributes["db.query.text"]).toMatch(/^insert into "user" .*\$1/);
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain(SECRET_NAME);
    expect(client.poolStats().total).toBeGreaterThan(0);
  });

  it("marks a failed query with its SQLSTATE, never PostgreSQL's message", async () => {
    const { spans } = await traced(() =>
      client.db
        .insert(user)
        .values({ id: "traced-1", name: SECRET_NAME, email: "t1@example.test" }),
    );
    expect(spans).toHaveLength(1);
    expect(spans[0]?.status).toEqual({ code: SpanStatusCode.ERROR, message: "23505" });
    expect(spans[0]?.attributes).toMatchObject({
      "error.type": "23505",
      "db.response.status_code": "23505",
    });
    const { name, attributes, events, status } = spans[0] ?? {};
    expect(JSON.stringify({ name, attributes, events, status })).not.toContain("traced-1");
  });
});
