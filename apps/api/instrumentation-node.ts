import { startTelemetryOrExit } from "@repo/telemetry/sdk";
import { getDeps } from "./src/deps";

// OpenTelemetry first, when an OTLP endpoint is configured: Next's own spans and ours go
// through the SDK registered here (the API's meters are taken from it by getDeps below). Under
// dist/next-host.mjs the server has started it already and this returns that one.
startTelemetryOrExit({ serviceName: "todo-api", env: process.env });

// Read and validate the configuration at start-up. Next logs an error thrown by `register()` but
// keeps serving (every request a 500), so a bad variable ends the process here, with its name.
try {
  getDeps();
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
