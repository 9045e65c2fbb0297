// The haproxy.cfg of the topology: one frontend per app, each balancing over that app's
// instances. A pure function of ports and paths, so the shape deploy.md describes is the one
// the tests run.

export interface BackendServer {
  /** The server's name in haproxy (`set server <backend>/<name> state drain`). */
  name: string;
  port: number;
}

export interface ProxiedApp {
  /** The frontend's and backend's name: `api`, `web`. */
  name: string;
  /** Where the frontend listens, on 127.0.0.1. */
  port: number;
  /** A cheap GET that answers 200 while the instance can serve (haproxy's active health check). */
  healthPath: string;
  servers: BackendServer[];
  /**
   * What haproxy answers itself when no server can take a request (all down: e.g. every
   * readiness check failing while the database is down): a 503 with this body and
   * `Retry-After`, as the app's own 503s are. Unset: haproxy's HTML page, no Retry-After.
   */
  unavailable?: { contentType: string; body: string; retryAfterSeconds: number };
}

export interface HaproxyConfigOptions {
  apps: ProxiedApp[];
  /** The admin socket (a unix socket path, e.g. in the topology's temporary folder). */
  statsSocket: string;
  /** Milliseconds between health checks of each server; default 500. */
  checkIntervalMs?: number;
}

/** Admin states a server can be put in over the stats socket. */
export type ServerAdminState = "ready" | "drain" | "maint";

/** An haproxy.cfg (haproxy 2.6 or newer) for `options`, to run in the foreground (`-db`). */
export function haproxyConfig({
  apps,
  statsSocket,
  checkIntervalMs = 500,
}: HaproxyConfigOptions): string {
  const lines = [
    "global",
    // `level admin` lets the tests (and an operator) drain and re-enable servers;
    // `expose-fd listeners` lets a new haproxy take the listening sockets over (seamless reload).
    `  stats socket ${statsSocket} mode 600 level admin expose-fd listeners`,
    "  maxconn 4096",
    // One line per request on stderr: what a failing test shows.
    "  log stderr format raw local0 info",
    "",
    "defaults",
    "  mode http",
    "  log global",
    "  option httplog",
    "  timeout connect 2s",
    "  timeout client 30s",
    "  timeout server 30s",
    "  timeout http-request 10s",
    "  timeout http-keep-alive 10s",
    "  timeout queue 5s",
    "  timeout check 2s",
    // A request that could not reach a server, or got no answer at all (a connection the server
    // closed as it was reused), is sent again, to another server if the first is down. A POST
    // retried after an empty response may have run once already: clients that must not create
    // twice send an Idempotency-Key (docs/API.md).
    "  retries 3",
    "  retry-on conn-failure empty-response",
    "  option redispatch",
    // Idle server connections are shared between clients only for requests that are safe to
    // send on them (never the first request of a client on a reused connection).
    "  http-reuse safe",
    "",
  ];
  for (const app of apps) {
    lines.push(
      `frontend ${app.name}`,
      `  bind 127.0.0.1:${app.port}`,
      // The address this proxy saw, replacing whatever the client sent: the apps take the
      // X-Forwarded-For entry of the one proxy in front (TRUSTED_PROXIES=1) as the client.
      "  http-request set-header X-Forwarded-For %[src]",
      `  default_backend ${app.name}`,
      "",
      `backend ${app.name}`,
      "  balance roundrobin",
      "  option httpchk",
      `  http-check send meth GET uri ${app.healthPath} ver HTTP/1.1 hdr Host 127.0.0.1`,
      "  http-check expect status 200",
      // Two failed checks take a server out, two good ones put it back.
      `  default-server inter ${checkIntervalMs} fall 2 rise 2`,
      ...(app.unavailable
        ? [
            `  http-error status 503 content-type ${app.unavailable.contentType} string '${app.unavailable.body}' hdr Retry-After ${app.unavailable.retryAfterSeconds}`,
          ]
        : []),
      ...app.servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port} check`),
      "",
    );
  }
  return lines.join("\n");
}
