import type { Instrumentation } from "next";

// Runs once when the server starts; the Node-only check lives in its own module so the Edge
// compilation of this file stays free of Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}

// Errors Next caught outside the API's pipeline (which answers every error of its own): one
// log line with the digest and route, and the request's span marked failed.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./instrumentation-error");
  logRequestError(error, request, context);
};
