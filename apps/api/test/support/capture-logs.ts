import { Writable } from "node:stream";
import { createLogger } from "@repo/logger";

/** A real pino logger of the API's shape whose lines land in `lines`, for assertions. */
export function captureLogs() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "info",
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  return { lines, logger };
}
