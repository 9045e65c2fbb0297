import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import type { Command, Input, Values } from "./command";
import { usageError } from "./exit-codes";

/** Accepted by every command, before or after its name. */
export const GLOBAL_OPTIONS = {
  "api-url": { type: "string" },
  "web-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} satisfies ParseArgsOptionsConfig;

/** Taken by every command that declares `json` (what it prints then). */
const JSON_OPTION = { json: { type: "boolean" } } satisfies ParseArgsOptionsConfig;

export const GLOBAL_HELP = `Global options:
  --api-url <url>   the API (else TODO_API_URL, the stored login's, http://localhost:3001)
  --web-url <url>   the web app, for login (else TODO_WEB_URL, http://localhost:3000)
  -h, --help        this help`;

const TAKES_VALUE = new Set(["--api-url", "--web-url"]);

/** The first word that is not an option (nor a global option's value), and the other arguments. */
export function takeWord(argv: string[]): { word: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") break;
    if (TAKES_VALUE.has(arg)) i++;
    else if (!arg.startsWith("-")) return { word: arg, rest: argv.toSpliced(i, 1) };
  }
  return { word: undefined, rest: argv };
}

/**
 * `--sort -priority` as `--sort=-priority`: parseArgs refuses a value that starts with a dash
 * unless it is attached, and `-priority` is no option of ours.
 */
function attachDashValues(argv: string[], options: ParseArgsOptionsConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const option = arg.startsWith("--") ? options[arg.slice(2)] : undefined;
    const known = next?.startsWith("--") && options[next.slice(2).split("=")[0] as string];
    if (option?.type === "string" && next?.startsWith("-") && next !== "--" && !known) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The command's options and positionals; anything it does not take is a usage error (exit 2). */
export function parseCommandArgs(command: Command, where: string, argv: string[]): Input {
  let parsed: { values: Values; positionals: string[] };
  const options = { ...GLOBAL_OPTIONS, ...(command.json ? JSON_OPTION : {}), ...command.options };
  try {
    parsed = parseArgs({
      args: attachDashValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // node's messages go on with advice about `--`; the first sentence is the point.
    const message = error instanceof Error ? (error.message.split(". ")[0] ?? "") : String(error);
    throw usageError(`${message} (see \`${where} --help\`)`);
  }
  if (parsed.values.help) return parsed;
  const [fewest, most] = command.positionals ?? [0, 0];
  const count = parsed.positionals.length;
  if (count < fewest) throw usageError(`\`${where}\` needs ${command.args ?? "an argument"}`);
  if (count > most)
    throw usageError(
      `\`${where}\` takes ${most || "no"} argument${most === 1 ? "" : "s"}, got ${count}`,
    );
  return parsed;
}

// Typed readers of parseArgs' values.
export const stringOf = (values: Values, name: string) => {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
};
export const flagOf = (values: Values, name: string) => values[name] === true;
export const listOf = (values: Values, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value.map(String) : [];
};
