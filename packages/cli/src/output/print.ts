import { flagOf } from "../args";
import type { Values } from "../command";
import type { Io } from "../context";

/** `json` of a command that deletes: there is no object to print. */
export const PRINTS_NOTHING = "print nothing (the exit code says it worked)";

export const wantsJson = (values: Values) => flagOf(values, "json");

/**
 * What a command prints. With `--json`: `result` (the API's object or array, as the client
 * returns it) as one JSON value, and nothing else on stdout; nothing at all when `result` is
 * undefined (`rm`: the exit code says it). Otherwise the human lines.
 */
export async function printResult(
  io: Io,
  values: Values,
  result: unknown,
  human: () => string | string[] | Promise<string[]>,
): Promise<void> {
  if (wantsJson(values)) {
    if (result !== undefined) io.stdout(JSON.stringify(result, null, 2));
    return;
  }
  for (const line of [await human()].flat()) io.stdout(line);
}
