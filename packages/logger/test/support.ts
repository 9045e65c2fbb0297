import { Writable } from "node:stream";

/** A destination that keeps each line pino writes, parsed. */
export function collectLines() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { destination, lines, records: () => lines.map((line) => JSON.parse(line)) };
}
