import os from "node:os";
import path from "node:path";

export type Env = Record<string, string | undefined>;

/**
 * Where the CLI keeps its credentials: `TODO_CONFIG_DIR` (tests), else
 * `$XDG_CONFIG_HOME/todo`, else `~/.config/todo`.
 */
export function configDir(env: Env): string {
  if (env.TODO_CONFIG_DIR) return path.resolve(env.TODO_CONFIG_DIR);
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(base, "todo");
}

export const credentialsPath = (dir: string) => path.join(dir, "credentials.json");
