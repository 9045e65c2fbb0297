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

export function commandHelp(command: Command, where: string): string {
  const usage = `Usage: ${where}${command.args ? ` ${command.args}` : ""}${command.options ? " [options]" : ""}`;
  return [
    usage,
    "",
    command.summary,
    ...(command.help ? ["", "Options:", command.help] : []),
    "",
    GLOBAL_HELP,
  ].join("\n");
}
