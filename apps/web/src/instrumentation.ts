// Runs once when the server starts; the Node-only check lives in its own module so the Edge
// compilation of this file stays free of Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}

export { onRequestError } from "./logger";
