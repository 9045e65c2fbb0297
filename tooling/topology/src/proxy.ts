// haproxy as a child process in the foreground (`-db`), with its config in a temporary folder,
// and the operations the tests perform on it through the admin socket.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { adminCommand, type ServerState, serverStates } from "./haproxy-admin";
import { haproxyConfig, type ProxiedApp, type ServerAdminState } from "./haproxy-config";
import { type GroupProcess, spawnGroup, stopGroup } from "./process-group";

export interface Haproxy {
  /** The haproxy.cfg it runs. */
  config: string;
  /** Its unix admin socket (haproxy's runtime API). */
  statsSocket: string;
  /** What haproxy wrote (one line per request, health-check changes, warnings). */
  output(): string;
  /** Sends one runtime API command and resolves with the answer. */
  command(command: string): Promise<string>;
  /** Every server's health, admin state and current sessions. */
  servers(): Promise<ServerState[]>;
  /** One server's state. */
  server(backend: string, server: string): Promise<ServerState>;
  /** `set server <backend>/<server> state <state>`: `drain` takes no new requests, `maint` none at all. */
  setState(backend: string, server: string, state: ServerAdminState): Promise<void>;
  /** Polls until `check` holds for the server, or throws after `timeoutMs` (default 30 s). */
  waitFor(
    backend: string,
    server: string,
    check: (state: ServerState) => boolean,
    timeoutMs?: number,
  ): Promise<ServerState>;
  /** Stops haproxy. */
  stop(): Promise<void>;
}

export interface StartProxyOptions {
  haproxyPath: string;
  /** The folder that holds the config and the admin socket. */
  dir: string;
  apps: ProxiedApp[];
}

/** Checks the config (`haproxy -c`), then starts haproxy on it; resolves once the admin socket answers. */
export async function startProxy({ haproxyPath, dir, apps }: StartProxyOptions): Promise<Haproxy> {
  const statsSocket = path.join(dir, "admin.sock");
  const config = haproxyConfig({ apps, statsSocket });
  const configPath = path.join(dir, "haproxy.cfg");
  await writeFile(configPath, config);
  let output = "";
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
  const run: GroupProcess = spawnGroup({
    command: haproxyPath,
    args: ["-f", configPath, "-db"],
    cwd: dir,
    env,
    onOutput: (text) => {
      output += text;
    },
    onLogLine: (line) => {
      output += `${JSON.stringify(line)}\n`;
    },
  });
  let exited = false;
  void run.exited.then((code) => {
    exited = true;
    output += `[topology] haproxy exited (${code})\n`;
  });

  const command = (text: string) => adminCommand(statsSocket, text);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited) throw new Error(`haproxy exited while starting:\n${output}`);
    if (
      await command("show info").then(
        (answer) => answer.includes("Name:"),
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await stopGroup(run, "SIGKILL");
      throw new Error(`haproxy's admin socket did not answer in 10 s:\n${output}`);
    }
    await delay(50);
  }

  const server = async (backend: string, name: string) => {
    const found = (await serverStates(statsSocket)).find(
      (state) => state.backend === backend && state.server === name,
    );
    if (!found) throw new Error(`haproxy has no server ${backend}/${name}`);
    return found;
  };

  return {
    config,
    statsSocket,
    output: () => output,
    command,
    servers: () => serverStates(statsSocket),
    server,
    async setState(backend, name, state) {
      const answer = await command(`set server ${backend}/${name} state ${state}`);
      // Success is an empty answer; anything else is haproxy saying why not.
      if (answer.trim() !== "")
        throw new Error(`haproxy refused to set ${backend}/${name} ${state}: ${answer.trim()}`);
    },
    async waitFor(backend, name, check, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const state = await server(backend, name);
        if (check(state)) return state;
        if (Date.now() > until)
          throw new Error(
            `${backend}/${name} did not reach the awaited state in ${timeoutMs} ms (now ${JSON.stringify(state)})`,
          );
        await delay(50);
      }
    },
    async stop() {
      await stopGroup(run, "SIGTERM", 5_000);
    },
  };
}
