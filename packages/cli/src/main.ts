import { parseCommandArgs, stringOf, takeWord } from "./args";
import type { Command, CommandGroup } from "./command";
import { COMMANDS } from "./commands";
import { createContext, type Io } from "./context";
import { describeError } from "./errors/describe-error";
import { EXIT, usageError } from "./exit-codes";
import { commandHelp, groupHelp, topHelp } from "./help";

const isGroup = (item: Command | CommandGroup): item is CommandGroup => "subcommands" in item;
const wantsHelp = (argv: string[]) => argv.includes("--help") || argv.includes("-h");

function find<T extends { name: string }>(items: T[], word: string | undefined, where: string) {
  const found = items.find((item) => item.name === word);
  if (!found) throw usageError(`unknown command \`${where} ${word}\` (see \`${where} --help\`)`);
  return found;
}

/** Runs `todo <argv>`; resolves with the exit code. Errors are reported on stderr, never thrown. */
export async function main(argv: string[], io: Io): Promise<number> {
  let apiUrl: string | undefined;
  try {
    const top = takeWord(argv);
    if (top.word === undefined) {
      if (!wantsHelp(argv)) throw usageError("no command given (see `todo --help`)");
      io.stdout(topHelp(COMMANDS));
      return EXIT.ok;
    }
    let found = find(COMMANDS, top.word, "todo");
    let where = `todo ${found.name}`;
    let rest = top.rest;
    if (isGroup(found)) {
      const sub = takeWord(rest);
      if (sub.word === undefined) {
        if (!wantsHelp(rest))
          throw usageError(`\`${where}\` needs a command (see \`${where} --help\`)`);
        io.stdout(groupHelp(found));
        return EXIT.ok;
      }
      found = find(found.subcommands, sub.word, where);
      where = `${where} ${found.name}`;
      rest = sub.rest;
    }
    const command: Command = found;
    const input = parseCommandArgs(command, where, rest);
    if (input.values.help) {
      io.stdout(commandHelp(command, where));
      return EXIT.ok;
    }
    const context = await createContext(io, {
      apiUrl: stringOf(input.values, "api-url"),
      webUrl: stringOf(input.values, "web-url"),
    });
    apiUrl = context.settings.apiUrl;
    await command.run(input, context);
    return EXIT.ok;
  } catch (error) {
    const report = io.signal.aborted
      ? { exitCode: EXIT.interrupted, lines: ["Interrupted."] }
      : describeError(error, { apiUrl });
    for (const line of report.lines) io.stderr(line);
    return report.exitCode;
  }
}
