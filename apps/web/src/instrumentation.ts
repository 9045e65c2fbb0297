import type { Instrumentation } from "next";

// Runs once when the server starts; the Node-only check lives in its own module so the Edge
// compilation of this file stays free of Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}

// Errors Next caught while rendering or in a route handler: one JSON line on the app's log with the
// digest and route (Next prints the error itself with the same digest), the span marked failed.
// Imported on use, so the Edge compilation of this file stays free of the Node-only logger.
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onRequestError } = await import("./logger");
  await onRequestError(...args);
};
