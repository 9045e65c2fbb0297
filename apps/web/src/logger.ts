import "server-only";
import { createLogger, type Logger } from "@repo/logger";
import type { Instrumentation } from "next";
import { getEnv } from "./env";
import { logRequestError } from "./log-request-error";

// On globalThis so that dev-mode module reloads keep one logger (and one stdout stream).
const store = globalThis as typeof globalThis & { webLogger?: Logger };

/** The web app's server log: JSON lines on stdout at LOG_LEVEL, the API's shape. */
export function getLogger(): Logger {
  store.webLogger ??= createLogger({ level: getEnv().LOG_LEVEL });
  return store.webLogger;
}

/** Errors of pages, server actions and route handlers: instrumentation.ts re-exports this. */
export const onRequestError: Instrumentation.onRequestError = (...args) =>
  logRequestError(getLogger())(...args);
