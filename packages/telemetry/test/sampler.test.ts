import { ROOT_CONTEXT, SpanKind, trace } from "@opentelemetry/api";
import { SamplingDecision } from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import { samplerFromEnv } from "../src/sampler";

/** How many of `n` new root traces the sampler records. */
function sampledRoots(env: Record<string, string>, n = 2_000): number {
  const sampler = samplerFromEnv(env);
  let sampled = 0;
  for (let i = 0; i < n; i++) {
    const traceId = crypto.randomUUID().replaceAll("-", "");
    const decision = sampler.shouldSample(ROOT_CONTEXT, traceId, "GET", SpanKind.SERVER, {}, []);
    if (decision.decision === SamplingDecision.RECORD_AND_SAMPLED) sampled++;
  }
  return sampled;
}

describe("samplerFromEnv (OTEL_TRACES_SAMPLER)", () => {
  it("samples every root trace by default, and none with always_off", () => {
    expect(sampledRoots({})).toBe(2_000);
    expect(sampledRoots({ OTEL_TRACES_SAMPLER: "always_off" })).toBe(0);
  });

  it("samples about the ratio of root traces with parentbased_traceidratio", () => {
    const sampled = sampledRoots({
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0.1",
    });
    expect(sampled).toBeGreaterThan(100);
    expect(sampled).toBeLessThan(300);
  });

  it("follows a sampled parent even when its own ratio is 0", () => {
    const sampler = samplerFromEnv({
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0",
    });
    const parent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceFlags: 1,
      isRemote: true,
    });
    const decision = sampler.shouldSample(
      parent,
      "0af7651916cd43dd8448eb211c80319c",
      "GET",
      SpanKind.SERVER,
      {},
      [],
    );
    expect(decision.decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });

  it("refuses an unknown sampler or a ratio outside 0..1, naming the variable", () => {
    expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER: "sometimes" })).toThrow(
      /OTEL_TRACES_SAMPLER/,
    );
    expect(() =>
      samplerFromEnv({ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "10%" }),
    ).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });
});
