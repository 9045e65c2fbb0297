import { GLOBAL_HELP } from "./args";
import type { Command, CommandGroup } from "./command";
import { EXIT_CODES_HELP } from "./exit-codes";
import { formatTable } from "./output/table";

const list = (items: (Command | CommandGroup)[]) =>
  formatTable(items.map((item) => [`  ${item.name}`, item.summary])).join("\n");

export function topHelp(commands: (Command | CommandGroup)[]): string {
  return `Usage: todo <command> [options]

Commands:
${list(commands)}

Run \`todo <command> --help\` for a command's options.

${GLOBAL_HELP}

Environment: TODO_TOKEN (a token to use instead of the stored login), TODO_API_URL,
TODO_WEB_URL, TODO_CONFIG_DIR (where credentials.json lives; default
$XDG_CONFIG_HOME/todo or ~/.config/todo).

${EXIT_CODES_HELP}`;
}

export const groupHelp = (group: CommandGroup) => `Usage: todo ${group.name} <command> [options]

Commands:
${list(group.subcommands)}`;

/**
 * The command's option lines with `--json`'s added (when it takes it): in the column of the
 * others' text, before any closing note.
 */
function optionLines(command: Command): string[] {
  const lines = command.help ? command.help.split("\n") : [];
  if (!command.json) return lines;
  const column = /^ {2}-.*?\S {2,}(?=\S)/m.exec(command.help ?? "")?.[0].length ?? 11;
  let at = lines.length;
  while (at > 0 && /^ {2}[^ -]/.test(lines[at - 1] as string)) at--;
  return lines.toSpliced(at, 0, `${"  --json".padEnd(column)}${command.json}`);
}

export function commandHelp(command: Command, where: string): string {
  const options = optionLines(command);
  const usage = `Usage: ${where}${command.args ? ` ${command.args}` : ""}${options.length > 0 ? " [options]" : ""}`;
  return [
    usage,
    "",
    command.summary,
    ...(options.length > 0 ? ["", "Options:", ...options] : []),
    "",
    GLOBAL_HELP,
  ].join("\n");
}
