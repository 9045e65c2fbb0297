// The OpenTelemetry SDK for a Node server process: traces and metrics over OTLP/HTTP (JSON),
// configured by the standard OTEL_* variables. Only hosts import this module; code on the
// request path uses @opentelemetry/api alone, which is a no-op until this has run.
import { context, metrics, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { defaultResource, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { telemetryEnabled } from "./enabled";
import { createRedactingProcessor } from "./redact";
import { samplerFromEnv } from "./sampler";

type Env = Record<string, string | undefined>;

export interface Telemetry {
  /** Exports what is buffered (spans, the metrics' last values), then stops. Safe to call twice. */
  shutdown(): Promise<void>;
}

const milliseconds = (env: Env, name: string, fallback: number): number => {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

// A process may reach this twice through two module instances (the Next host's server starts
// it, then Next's bundle of instrumentation.ts asks again): the one SDK lives on globalThis.
const STARTED = Symbol.for("@repo/telemetry.started");
type WithTelemetry = typeof globalThis & { [STARTED]?: Telemetry };

/**
 * Starts the SDK once per process when `telemetryEnabled(env)`, else returns undefined and
 * leaves the API's no-op tracer and meter in place. `serviceName` applies unless
 * OTEL_SERVICE_NAME (or `service.name` in OTEL_RESOURCE_ATTRIBUTES) says otherwise. The
 * exporters read OTEL_EXPORTER_OTLP_* (endpoint, headers, timeout) themselves; the export
 * interval and batch delay follow OTEL_METRIC_EXPORT_INTERVAL and OTEL_BSP_SCHEDULE_DELAY, the
 * sampler OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG (see sampler.ts).
 */
export function startTelemetry({
  serviceName,
  env,
}: {
  serviceName: string;
  env: Env;
}): Telemetry | undefined {
  const global = globalThis as WithTelemetry;
  if (global[STARTED]) return global[STARTED];
  if (!telemetryEnabled(env)) return undefined;

  // Later resources win a merge: the default, then our name, then what the environment says.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ "service.name": serviceName }))
    .merge(resourceFromAttributes(envDetector.detect().attributes ?? {}));

  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());

  const tracerProvider = new TracerProvider({
    resource,
    sampler: samplerFromEnv(env),
    spanProcessors: [
      // First: a span is clean before the exporting processor sees it.
      createRedactingProcessor(),
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter(),
        scheduledDelayMillis: milliseconds(env, "OTEL_BSP_SCHEDULE_DELAY", 5_000),
      }),
    ],
  });
  trace.setGlobalTracerProvider(tracerProvider);

  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter(),
        exportIntervalMillis: milliseconds(env, "OTEL_METRIC_EXPORT_INTERVAL", 60_000),
      }),
    ],
  });
  metrics.setGlobalMeterProvider(meterProvider);

  let stopping: Promise<void> | undefined;
  const telemetry: Telemetry = {
    shutdown: () => {
      stopping ??= Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]).then(
        () => {},
      );
      return stopping;
    },
  };
  global[STARTED] = telemetry;
  return telemetry;
}

/**
 * startTelemetry for a server's start-up: a bad OTEL_* value (an unknown OTEL_TRACES_SAMPLER, a
 * ratio outside 0..1) ends the process with one line naming it, as the apps refuse any other bad
 * variable. A throw would not do: Next logs an error thrown by `register()` and keeps serving.
 */
export function startTelemetryOrExit(options: { serviceName: string; env: Env }) {
  try {
    return startTelemetry(options);
  } catch (error) {
    console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** The SDK this process started, if any (a host's shutdown flushes it). */
export function runningTelemetry(): Telemetry | undefined {
  return (globalThis as WithTelemetry)[STARTED];
}
