import pino, { type DestinationStream, type Logger } from "pino";

/** pino's levels, lowest first; `silent` logs nothing. Both apps validate LOG_LEVEL against these. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level: LogLevel;
  /** Default: stdout (fd 1), written synchronously. Tests pass a stream that collects the lines. */
  destination?: DestinationStream;
}

/**
 * The one log-line shape of both apps: one JSON object per line, `level` as a label ("info"),
 * `time` as an ISO timestamp, `msg`, and no pid/hostname. Fields a trace context would add
 * (a pino `mixin`) belong here, so both apps get them at once.
 */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous: a line is written when the call returns, so none is lost when the process
    // exits right after (the end of a graceful shutdown, a fatal error). pino's asynchronous
    // default loses the batch under way when stdout's reader lags: on exit it writes what is
    // queued, not the write that is waiting for the pipe to drain (test/exit.test.ts).
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
