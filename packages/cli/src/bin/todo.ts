import { main } from "../main";

// Ctrl-C aborts what is in flight (login's polling included) and exits 130; a second one
// kills at once (the handler is gone by then).
const interrupt = new AbortController();
process.once("SIGINT", () => interrupt.abort());

process.exitCode = await main(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  signal: interrupt.signal,
});
