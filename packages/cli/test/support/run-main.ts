import { main } from "../../src/main";

/** `todo <argv>` in process, with its own environment, output captured and sleeps recorded (not slept). */
export async function runMain(argv: string[], env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const slept: number[] = [];
  const code = await main(argv, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    env,
    signal: new AbortController().signal,
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n"), slept };
}
