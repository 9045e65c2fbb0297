import type { ParseArgsOptionsConfig } from "node:util";
import type { Context } from "./context";

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Input {
  values: Values;
  positionals: string[];
}

/** One command (`add`) or subcommand (`projects add`). */
export interface Command {
  name: string;
  /** One line, for the list in the parent's help. */
  summary: string;
  /** `<title>` etc., after `todo <name>` in the usage line. */
  args?: string;
  /** The options' help lines. */
  help?: string;
  options?: ParseArgsOptionsConfig;
  /**
   * What `--json` prints, for the help line. Set, the command takes `--json` and prints through
   * `printResult` (output/print.ts).
   */
  json?: string;
  /** Positional arguments: [fewest, most]; default [0, 0]. */
  positionals?: [number, number];
  run(input: Input, context: Context): Promise<void>;
}

/** `todo projects …`: a name for a set of subcommands. */
export interface CommandGroup {
  name: string;
  summary: string;
  subcommands: Command[];
}
