import { getEnv } from "./env";

// Next logs an error thrown by `register()` but keeps serving, answering every request with a 500;
// a missing or bad variable ends the process instead, so `next start` visibly refuses to start.
try {
  getEnv();
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
