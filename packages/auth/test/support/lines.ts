import { Writable } from "node:stream";

/** A destination that keeps each line a logger writes. */
export function collectLines() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { destination, lines };
}
