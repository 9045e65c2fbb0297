// `pnpm dev` (and `pnpm start` with --production: the standalone builds): runs the whole system
// from one command.
// With DATABASE_URL unset it starts the embedded PostgreSQL (data in .data/postgres, kept
// between runs), applies the migrations, and hands the URL to both apps. With SMTP_URL unset,
// mails land in .data/outbox, one file each: the development web app writes them there itself;
// the production build, which needs SMTP, is given a local SMTP server that writes them there.
// Ctrl-C stops it all.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { type EmbeddedServer, startEmbeddedPostgres } from "@repo/db/embedded";
import { developmentDataDir, embeddedDataDir } from "@repo/db/embedded-url";
import { runMigrations } from "@repo/db/migrate";
import { type SmtpSink, startSmtpSink } from "@repo/mail/smtp-sink";
import { freePort } from "@repo/node-server/free-port";
import { startForwardingProxy } from "./forwarding-proxy";

const root = path.resolve(import.meta.dirname, "../..");
const production = process.argv.includes("--production");
const apps = [
  { name: "web", dir: "apps/web", port: 3000, color: 36 },
  { name: "api", dir: "apps/api", port: 3001, color: 35 },
];

const say = (message: string) => console.log(`\x1b[1m[dev]\x1b[0m ${message}`);

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

// In production, each app's standalone folder as `pnpm build` assembled it (what a deployment
// copies): each app's Next on its own server (the API's dist/next-host.mjs, the web's
// dist/web-host.mjs), which tells the handlers the socket's address.
const standaloneServer = (app: (typeof apps)[number]) =>
  path.join(
    root,
    app.dir,
    ".next/standalone",
    app.dir,
    app.name === "api" ? "dist/next-host.mjs" : "dist/web-host.mjs",
  );

/**
 * One app. In production, its own server on the app's port (it reads the socket's address
 * itself). In development, `next dev` on a private port behind a forwarding proxy on the app's
 * port, which tells it the client's address as a load balancer would.
 */
async function run(app: (typeof apps)[number], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const next = path.join(root, app.dir, "node_modules/next/dist/bin/next");
  const port = production ? app.port : await freePort();
  if (!production) await startForwardingProxy({ port: app.port, targetPort: port });
  const args = production
    ? [standaloneServer(app)]
    : [next, "dev", "--hostname", "127.0.0.1", "--port", String(port)];
  const child = spawn(process.execPath, args, {
    cwd: path.join(root, app.dir),
    // Loopback only, in both modes (a production host's default is every interface).
    env: {
      ...env,
      PORT: String(port),
      ...(production ? { HOST: env.HOST ?? "127.0.0.1" } : { TRUSTED_PROXIES: "1" }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `\x1b[${app.color}m[${app.name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n"))
        if (line) process.stdout.write(`${prefix}${line}\n`);
    });
  return child;
}

async function main() {
  if (production)
    for (const app of apps)
      if (!existsSync(standaloneServer(app))) {
        console.error(
          `${path.relative(root, standaloneServer(app))} is missing: run \`pnpm build\` first.`,
        );
        process.exit(1);
      }
  for (const app of apps)
    if (!(await portIsFree(app.port))) {
      console.error(
        `Port ${app.port} (${app.name}) is already in use. Stop whatever listens there and try again.`,
      );
      process.exit(1);
    }

  let embedded: EmbeddedServer | undefined;
  let databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl) {
    say("DATABASE_URL is unset: starting the embedded PostgreSQL (data in .data/postgres)…");
    // Its password is generated on the first start, into .data/postgres.password.
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(developmentDataDir(root)) });
    databaseUrl = embedded.url;
  }
  await runMigrations({ url: databaseUrl });
  say(`Database ready at ${new URL(databaseUrl).host}, migrations applied.`);

  let smtp: SmtpSink | undefined;
  const outbox = path.resolve(
    process.env.MAIL_OUTBOX_DIR || path.join(developmentDataDir(root), "outbox"),
  );
  if (!process.env.SMTP_URL) {
    if (production) smtp = await startSmtpSink({ outboxDir: outbox });
    say(
      `SMTP_URL is unset: mails (verification, password reset) go to ${path.relative(root, outbox) || outbox}/, one file each${smtp ? ` (through a local SMTP server on 127.0.0.1:${smtp.port})` : ""}.`,
    );
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    // Resolved here: the web app would read a relative path from its own folder.
    MAIL_OUTBOX_DIR: outbox,
    ...(smtp ? { SMTP_URL: smtp.url } : {}),
  };
  const children = await Promise.all(apps.map((app) => run(app, env)));
  say(
    "Web app: http://localhost:3000   API: http://localhost:3001/api/v1/todos   (Ctrl-C stops both)",
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("Stopping…");
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    await embedded?.stop();
    await smtp?.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  for (const [i, child] of children.entries())
    child.once("exit", (code) => {
      if (!stopping) {
        console.error(`${apps[i]?.name} exited (code ${code}); stopping the rest.`);
        void stop(code || 1);
      }
    });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
