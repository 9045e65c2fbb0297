import type { Instrumentation } from "next";

// Runs once when the server starts; the Node-only check lives in its own module so the Edge
// compilation of this file stays free of Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}

// Errors Next caught while rendering or in a route handler: one JSON line on stderr with the
// digest and route (Next prints the error itself with the same digest), the span marked failed.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("@repo/telemetry/request-error");
  const record = reportRequestError(error, { request, context });
  console.error(JSON.stringify({ level: "error", ...record, msg: "Next caught an error" }));
};
