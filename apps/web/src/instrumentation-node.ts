import { startTelemetry } from "@repo/telemetry/sdk";
import { getEnv } from "./env";

// OpenTelemetry when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT): Next's own
// spans (requests, rendering, fetches) and Better Auth's are exported; otherwise nothing starts.
startTelemetry({ serviceName: "todo-web", env: process.env });

// Next logs an error thrown by `register()` but keeps serving, answering every request with a 500;
// a missing or bad variable ends the process instead, so `next start` visibly refuses to start.
try {
  getEnv();
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
