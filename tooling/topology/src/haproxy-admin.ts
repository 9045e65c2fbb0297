// haproxy's runtime API over its stats socket: one command per connection (the socket answers
// and closes), parsed into what the topology needs to know about each server.
import net from "node:net";
import type { ServerAdminState } from "./haproxy-config";

/** Sends one command to the admin socket and resolves with haproxy's answer. */
export function adminCommand(socket: string, command: string, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket);
    let answer = "";
    connection.setEncoding("utf8");
    connection.setTimeout(timeoutMs, () =>
      connection.destroy(new Error(`haproxy did not answer \`${command}\` in ${timeoutMs} ms`)),
    );
    connection.once("connect", () => connection.write(`${command}\n`));
    connection.on("data", (chunk: string) => {
      answer += chunk;
    });
    connection.once("error", reject);
    connection.once("close", () => resolve(answer));
  });
}

/** What haproxy thinks of one server right now. */
export interface ServerState {
  backend: string;
  server: string;
  /** From the health checks: `up` serves, `down` does not. */
  health: "up" | "down" | "starting" | "stopping";
  /** What an operator set (`set server … state …`). */
  admin: ServerAdminState;
  /** Requests the server is handling through haproxy now. */
  sessions: number;
  /** Requests sent to it again after a failed connection or an empty answer (since haproxy started). */
  retries: number;
  /** Requests that failed on it and went to another server instead. */
  redispatches: number;
}

const HEALTH = ["down", "starting", "up", "stopping"] as const;
// srv_admin_state bits (haproxy's SRV_ADMF_*): forced, inherited, configured and resolver
// maintenance; forced and inherited drain.
const MAINT_BITS = 0x01 | 0x02 | 0x04 | 0x20 | 0x40;
const DRAIN_BITS = 0x08 | 0x10;

/** Rows of a `# a b c` headed table (`show servers state`) or CSV (`show stat`). */
function table(text: string, separator: string): Record<string, string>[] {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const headerLine = lines.find((line) => line.startsWith("# "));
  if (!headerLine) return [];
  const header = headerLine.slice(2).split(separator);
  return lines
    .filter((line) => !line.startsWith("#") && line.includes(separator))
    .map((line) => {
      const cells = line.split(separator);
      return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
    });
}

/** Every server of every backend: `show servers state` for health and admin state, `show stat` for sessions. */
export async function serverStates(socket: string): Promise<ServerState[]> {
  const [state, stat] = await Promise.all([
    adminCommand(socket, "show servers state"),
    adminCommand(socket, "show stat"),
  ]);
  // The first line of `show servers state` is its format version ("1").
  const rows = table(state.split("\n").slice(1).join("\n"), " ");
  const stats = new Map(table(stat, ",").map((row) => [`${row.pxname}/${row.svname}`, row]));
  const count = (row: Record<string, string> | undefined, name: string) => Number(row?.[name] || 0);
  return rows.map((row) => {
    const admin = Number(row.srv_admin_state);
    const stat = stats.get(`${row.be_name}/${row.srv_name}`);
    return {
      backend: row.be_name ?? "",
      server: row.srv_name ?? "",
      health: HEALTH[Number(row.srv_op_state)] ?? "down",
      admin: admin & MAINT_BITS ? "maint" : admin & DRAIN_BITS ? "drain" : "ready",
      sessions: count(stat, "scur"),
      retries: count(stat, "wretr"),
      redispatches: count(stat, "wredis"),
    };
  });
}
