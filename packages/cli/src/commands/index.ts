import type { Command, CommandGroup } from "../command";
import { add } from "./add";
import { done, undo } from "./done-undo";
import { edit } from "./edit";
import { labels } from "./labels";
import { login } from "./login";
import { logout } from "./logout";
import { ls } from "./ls";
import { projects } from "./projects";
import { restore, rm } from "./rm-restore";
import { whoami } from "./whoami";

/** Every command, in the order `todo --help` lists them. */
export const COMMANDS: (Command | CommandGroup)[] = [
  login,
  logout,
  whoami,
  add,
  ls,
  done,
  undo,
  edit,
  rm,
  restore,
  projects,
  labels,
];
