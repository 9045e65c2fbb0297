// Several instances of both apps behind haproxy, as a deployment runs them, started by one
// function: the ground for the tests of shared state (rate limits, idempotency, tokens) and of
// faults (rolling restarts, crashes) across instances.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type SmtpSink, startSmtpSink } from "@repo/mail/smtp-sink";
import { freePort } from "@repo/node-server/free-port";
import { findHaproxy } from "./ensure-haproxy";
import { type ApiHostKind, apiEntry, webEntry } from "./entries";
import { createInstance, type Instance } from "./instance";
import { type Haproxy, startProxy } from "./proxy";

export type { ApiHostKind } from "./entries";
export type { ServerState } from "./haproxy-admin";
export type { ServerAdminState } from "./haproxy-config";
export type { Instance, LogLine } from "./instance";
export type { Haproxy } from "./proxy";

export interface TopologyOptions {
  /** A migrated database both apps use. */
  databaseUrl: string;
  /** The shared rate-limit store; without it each API instance counts alone. */
  redisUrl?: string;
  /** One API instance per entry, in order (`api-1`, `api-2`, …). Default `["next", "node"]`. */
  apiHosts?: ApiHostKind[];
  /** How many web instances. Default 2. */
  webInstances?: number;
  /** Added to (and overriding) every instance's environment. */
  env?: Record<string, string>;
  /** Added to the API instances' environment only (after `env`). */
  apiEnv?: Record<string, string>;
  /** Added to the web instances' environment only (after `env`). */
  webEnv?: Record<string, string>;
  /** Shared by every web instance. Default: random. */
  betterAuthSecret?: string;
  /** Default: findHaproxy() (HAPROXY_PATH, or /usr/sbin/haproxy). */
  haproxyPath?: string;
  /** How long each instance may take to become ready. Default 60 s. */
  readyTimeoutMs?: number;
}

export interface Topology {
  /** The API through the proxy (haproxy's `api` frontend). */
  apiUrl: string;
  /** The web app through the proxy (haproxy's `web` frontend): BETTER_AUTH_URL, so the tokens' `iss`. */
  webUrl: string;
  /** API instances; each one's `name` is its server name in haproxy's backend `api`. */
  apis: Instance[];
  /** Web instances; server names in haproxy's backend `web`. */
  webs: Instance[];
  proxy: Haproxy;
  /**
   * The SMTP server the web instances send their mails to (their SMTP_URL): a real one, on
   * 127.0.0.1, that keeps what it receives. `mail.waitForMail({ to })` reads a user's mail.
   */
  mail: SmtpSink;
  /** The BETTER_AUTH_SECRET the web instances share. */
  betterAuthSecret: string;
  /** Stops every instance and haproxy (their whole process groups) and removes the temporary folder. */
  close(): Promise<void>;
}

/** Backends in haproxy's config, and the readiness GET of each app. */
export const BACKENDS = { api: "api", web: "web" } as const;
const READY_PATH = { api: "/api/health/ready", web: "/api/auth/ok" } as const;

/**
 * The API's own 503 (problem+json, Retry-After 5), answered by haproxy when every API instance is
 * out (their readiness checks fail while the database is down), so a client sees one contract.
 */
const API_UNAVAILABLE = {
  contentType: "application/problem+json",
  body: JSON.stringify({
    type: "urn:todo-api:problem:service-unavailable",
    title: "Service unavailable",
    status: 503,
    detail: "No API instance can serve the request right now; try again shortly.",
  }),
  retryAfterSeconds: 5,
};

/**
 * Starts haproxy with two frontends on free 127.0.0.1 ports, then the API instances (one per
 * `apiHosts` entry) and the web instances from `pnpm build`'s standalone folders, each on a free
 * port with the production environment, and resolves once every instance answers its readiness
 * route and haproxy's health checks see every server up. On any failure, everything started so
 * far is stopped before the error is thrown.
 */
export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const {
    apiHosts = ["next", "node"],
    webInstances = 2,
    readyTimeoutMs = 60_000,
    betterAuthSecret = randomBytes(32).toString("base64url"),
  } = options;
  // Before anything starts: a missing build or haproxy fails with its own message.
  const haproxyPath = options.haproxyPath ?? findHaproxy();
  const web = webEntry();
  const apiEntries = apiHosts.map((kind) => ({ kind, entry: apiEntry(kind) }));

  const dir = await mkdtemp(path.join(tmpdir(), "todo-topology-"));
  const apis: Instance[] = [];
  const webs: Instance[] = [];
  let proxy: Haproxy | undefined;
  let mail: SmtpSink | undefined;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      await Promise.all([...apis, ...webs].map((instance) => instance.stop("SIGTERM", 5_000)));
      await proxy?.stop();
      await mail?.close();
      await rm(dir, { recursive: true, force: true });
    })();
    return closed;
  };

  try {
    mail = await startSmtpSink();
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const webUrl = `http://127.0.0.1:${webPort}`;
    // What a production server is given, and nothing of this process's environment.
    const base = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: dir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      // One proxy in front: its X-Forwarded-For entry is the client.
      TRUSTED_PROXIES: "1",
    };
    const apiEnv = {
      ...base,
      HOST: "127.0.0.1",
      BETTER_AUTH_URL: webUrl,
      // Through the proxy, as an instance in another network would reach the web app.
      AUTH_JWKS_URL: `${webUrl}/api/auth/jwks`,
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
      ...options.apiEnv,
    };
    const webEnv = {
      ...base,
      // Next's server.js reads HOSTNAME; HOST for a host of the web app's own.
      HOSTNAME: "127.0.0.1",
      HOST: "127.0.0.1",
      BETTER_AUTH_SECRET: betterAuthSecret,
      BETTER_AUTH_URL: webUrl,
      NEXT_PUBLIC_API_URL: apiUrl,
      // Production mail: SMTP, as a deployment sends it (README, Decisions, "Accounts").
      SMTP_URL: mail.url,
      ...options.env,
      ...options.webEnv,
    };

    for (const [i, { kind, entry }] of apiEntries.entries()) {
      const port = await freePort();
      apis.push(
        createInstance({
          name: `api-${i + 1}`,
          app: "api",
          kind,
          port,
          entry,
          env: { ...apiEnv, PORT: String(port) },
          readyPath: READY_PATH.api,
          readyTimeoutMs,
        }),
      );
    }
    for (let i = 0; i < webInstances; i++) {
      const port = await freePort();
      webs.push(
        createInstance({
          name: `web-${i + 1}`,
          app: "web",
          kind: "web",
          port,
          entry: web,
          env: { ...webEnv, PORT: String(port) },
          readyPath: READY_PATH.web,
          readyTimeoutMs,
        }),
      );
    }

    const servers = (list: Instance[]) => list.map(({ name, port }) => ({ name, port }));
    proxy = await startProxy({
      haproxyPath,
      dir,
      apps: [
        {
          name: BACKENDS.api,
          port: apiPort,
          healthPath: READY_PATH.api,
          servers: servers(apis),
          unavailable: API_UNAVAILABLE,
        },
        { name: BACKENDS.web, port: webPort, healthPath: READY_PATH.web, servers: servers(webs) },
      ],
    });
    await Promise.all([...webs, ...apis].map((instance) => instance.start()));
    const up = proxy;
    await Promise.all(
      [...apis, ...webs].map((instance) =>
        up.waitFor(BACKENDS[instance.app], instance.name, (s) => s.health === "up", readyTimeoutMs),
      ),
    );
    return { apiUrl, webUrl, apis, webs, proxy, mail, betterAuthSecret, close };
  } catch (error) {
    await close();
    throw error;
  }
}
