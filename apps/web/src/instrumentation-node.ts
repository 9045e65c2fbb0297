import { startTelemetryOrExit } from "@repo/telemetry/sdk";
import { startUp } from "./start-up";

// OpenTelemetry when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT): Next's own
// spans (requests, rendering, fetches) and Better Auth's are exported; otherwise nothing starts.
startTelemetryOrExit({ serviceName: "todo-web", env: process.env });

// Next logs an error thrown by `register()` but keeps serving, answering every request with a 500;
// a missing or bad variable ends the process instead, so `next start` visibly refuses to start.
if (!startUp()) process.exit(1);
