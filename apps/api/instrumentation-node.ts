import { getDeps } from "./src/deps";

// Read and validate the configuration at start-up. Next logs an error thrown by `register()` but
// keeps serving (every request a 500), so a bad variable ends the process here, with its name.
try {
  getDeps();
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
