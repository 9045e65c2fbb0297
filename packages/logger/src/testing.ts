import { Writable } from "node:stream";

/** For tests: a destination that keeps each line a logger writes (and parses them on demand). */
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
