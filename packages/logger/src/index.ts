export type { DestinationStream, Logger } from "pino";
export { createLogger, LOG_LEVELS, type LoggerOptions, type LogLevel } from "./create-logger";
export { describeError, type ErrorSummary } from "./describe-error";
export { createStoreHealth, type StoreHealth } from "./store-health";
