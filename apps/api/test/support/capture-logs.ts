import { Writable } from "node:stream";
import { createLogger } from "../../src/deps";

/** A real pino logger of the API's shape whose lines land in `lines`, for assertions. */
export function captureLogs() {
  const lines: string[] = [];
  const logger = createLogger(
    "info",
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  return { lines, logger };
}
