import { describe, expect, it } from "vitest";
import { haproxyConfig } from "../../src/haproxy-config";

const config = haproxyConfig({
  statsSocket: "/tmp/topology/admin.sock",
  apps: [
    {
      name: "api",
      port: 4000,
      healthPath: "/api/health/ready",
      servers: [
        { name: "api-1", port: 4001 },
        { name: "api-2", port: 4002 },
      ],
    },
    {
      name: "web",
      port: 5000,
      healthPath: "/api/auth/ok",
      servers: [{ name: "web-1", port: 5001 }],
    },
  ],
});

/** The lines of one section (`frontend api`, `backend web`, `global`, `defaults`). */
function section(name: string): string[] {
  const lines = config.split("\n");
  const start = lines.indexOf(name);
  expect(start, `no section ${name}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.trim() === "");
  return lines.slice(start + 1, end === -1 ? undefined : end).map((line) => line.trim());
}

describe("haproxyConfig", () => {
  it("binds one frontend per app on 127.0.0.1 and overwrites X-Forwarded-For with the address it saw", () => {
    for (const [name, port] of [
      ["api", 4000],
      ["web", 5000],
    ] as const)
      expect(section(`frontend ${name}`)).toEqual([
        `bind 127.0.0.1:${port}`,
        "http-request set-header X-Forwarded-For %[src]",
        `default_backend ${name}`,
      ]);
    // Appending (option forwardedfor) would keep what the client sent.
    expect(config).not.toContain("forwardedfor");
  });

  it("balances round-robin over the app's servers, each health-checked on the app's route", () => {
    expect(section("backend api")).toEqual([
      "balance roundrobin",
      "option httpchk",
      "http-check send meth GET uri /api/health/ready ver HTTP/1.1 hdr Host 127.0.0.1",
      "http-check expect status 200",
      "default-server inter 500 fall 2 rise 2",
      "server api-1 127.0.0.1:4001 check",
      "server api-2 127.0.0.1:4002 check",
    ]);
    expect(section("backend web")).toContain(
      "http-check send meth GET uri /api/auth/ok ver HTTP/1.1 hdr Host 127.0.0.1",
    );
  });

  it("retries failed connections and empty answers elsewhere, reuses connections safely, bounds every wait", () => {
    const defaults = section("defaults");
    for (const line of [
      "retries 3",
      "retry-on conn-failure empty-response",
      "option redispatch",
      "http-reuse safe",
    ])
      expect(defaults).toContain(line);
    for (const timeout of ["connect", "client", "server", "http-request", "queue", "check"])
      expect(defaults.some((line) => line.startsWith(`timeout ${timeout} `))).toBe(true);
  });

  it("opens an admin socket that can drain servers and hand its listeners over", () => {
    expect(section("global")).toContain(
      "stats socket /tmp/topology/admin.sock mode 600 level admin expose-fd listeners",
    );
  });

  it("answers 503 with the app's body and Retry-After when no server can take a request, if told", () => {
    const withBody = haproxyConfig({
      statsSocket: "/tmp/topology/admin.sock",
      apps: [
        {
          name: "api",
          port: 4000,
          healthPath: "/api/health/ready",
          servers: [{ name: "api-1", port: 4001 }],
          unavailable: {
            contentType: "application/problem+json",
            body: '{"status":503}',
            retryAfterSeconds: 5,
          },
        },
      ],
    });
    expect(withBody).toContain(
      `  http-error status 503 content-type application/problem+json string '{"status":503}' hdr Retry-After 5`,
    );
    expect(section("backend web").some((line) => line.startsWith("http-error"))).toBe(false);
  });
});
