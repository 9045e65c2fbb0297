/**
 * Whether a process exports telemetry: an OTLP endpoint is configured (for all signals, or for
 * traces or metrics) and the SDK is not switched off (`OTEL_SDK_DISABLED=true`). Kept apart from
 * sdk.ts so configuration code can ask without loading the SDK.
 */
export function telemetryEnabled(env: Record<string, string | undefined>): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  return Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT,
  );
}
