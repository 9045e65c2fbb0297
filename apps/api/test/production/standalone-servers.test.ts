import http from "node:http";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { extractLink, type SmtpSink, startSmtpSink } from "@repo/mail/testing";
import { freePort } from "@repo/node-server/free-port";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HostProcess, spawnHost, startHost } from "../support/compiled-host";
import { accepts, slowCreate } from "../support/in-flight";
import { createThenList } from "../support/readme-flow";
import { copyOutOfTheRepository, nodeModulesAbove } from "./standalone";

// Both apps as a deployment runs them: `pnpm build`'s standalone folders, copied to a folder
// outside the repository (so no node_modules of ours can be found above them), started with
// the production environment, and driven over HTTP through the README's curl flow.

const SECRET = "standalone-test-secret-0123456789abcdef";

async function waitUntilServing(url: string, host: HostProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (host.child.exitCode !== null) throw new Error(`exited: ${host.stderr()}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await delay(100);
  }
  throw new Error(`${url} did not answer in 30 s: ${host.stderr()}`);
}

/**
 * A request as `curl` sends it: only the headers given. (fetch adds `Sec-Fetch-Mode: cors`,
 * which Better Auth takes for a browser's request and then wants an Origin it trusts.)
 */
function curl(url: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>(
    (resolve, reject) => {
      const request = http.request(url, { method: body ? "POST" : "GET", headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.once("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      request.once("error", reject);
      request.end(body);
    },
  );
}

/**
 * The README's steps 1 to 3: sign up on the web app, open the link it mails (over SMTP, to
 * `mail`), which signs in, and exchange the session cookie for a JWT.
 */
async function signUpForToken(webUrl: string, mail: SmtpSink, email: string): Promise<string> {
  const signUp = await curl(
    `${webUrl}/api/auth/sign-up/email`,
    { "content-type": "application/json" },
    JSON.stringify({ email, password: "correct-horse-battery", name: "Ada" }),
  );
  expect(signUp.status, signUp.text).toBe(200);
  const { text } = await mail.waitForMail({ to: email, subject: "Confirm your email" });
  const verified = await curl(extractLink(text, "/verify-email"), {});
  const cookie = (verified.headers["set-cookie"] ?? [])
    .map((line) => line.split(";")[0])
    .join("; ");
  const issued = await curl(`${webUrl}/api/auth/token`, { cookie });
  expect(issued.status, issued.text).toBe(200);
  const { token } = JSON.parse(issued.text) as { token: string };
  return token;
}

describe("the standalone builds, copied out of the repository", { timeout: 60_000 }, () => {
  const database = useTestDatabase();
  const running: HostProcess[] = [];
  let copy: Awaited<ReturnType<typeof copyOutOfTheRepository>>;
  let web: { url: string; env: Record<string, string>; script: { script: string; cwd: string } };
  let api: { url: string; port: number; host: HostProcess; env: Record<string, string> };
  let webServer: HostProcess;
  let mail: SmtpSink;
  const apiScript = () => ({
    script: path.join(copy.dir, "api/apps/api/dist/next-host.mjs"),
    cwd: path.join(copy.dir, "api/apps/api"),
  });

  beforeAll(async () => {
    // The web app's SMTP server: production sends mail, and refuses to start without one.
    mail = await startSmtpSink();
    copy = await copyOutOfTheRepository();
    const [webPort, apiPort] = [await freePort(), await freePort()];
    const webUrl = `http://127.0.0.1:${webPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    // Nothing but what a server would be given: no NODE_PATH, a home of its own.
    const common = {
      HOME: copy.dir,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.current.url,
    };
    web = {
      url: webUrl,
      env: {
        ...common,
        PORT: String(webPort),
        HOST: "127.0.0.1",
        BETTER_AUTH_SECRET: SECRET,
        BETTER_AUTH_URL: webUrl,
        NEXT_PUBLIC_API_URL: apiUrl,
        SMTP_URL: mail.url,
      },
      script: {
        script: path.join(copy.dir, "web/apps/web/dist/web-host.mjs"),
        cwd: path.join(copy.dir, "web/apps/web"),
      },
    };
    const webHost = spawnHost(web.env, web.script);
    webServer = webHost;
    running.push(webHost);
    const apiEnv = {
      ...common,
      PORT: String(apiPort),
      BETTER_AUTH_URL: webUrl,
      AUTH_JWKS_URL: `${webUrl}/api/auth/jwks`,
      RATE_LIMIT_USER: "10000/60",
      RATE_LIMIT_IP: "10000/60",
    };
    const apiHost = await startHost(apiEnv, apiScript());
    running.push(apiHost);
    api = { url: apiUrl, port: apiPort, host: apiHost, env: apiEnv };
    await waitUntilServing(`${webUrl}/api/auth/ok`, webHost);
  });
  afterAll(async () => {
    for (const host of running) host.child.kill("SIGKILL");
    await copy?.dispose();
    await mail?.close();
  });

  it("runs from a folder with no node_modules of the repository above it", () => {
    expect(path.relative(process.cwd(), copy.dir).startsWith("..")).toBe(true);
    expect(nodeModulesAbove(copy.dir)).toBeUndefined();
  });

  it("runs both servers on Node 24, as their first log lines say", () => {
    const listening = api.host.logs.find((line) => line.msg === "listening");
    const webStart = webServer.logs.find((line) => line.msg === "configuration read");
    // Printed on purpose: the CI log shows which Node the production servers ran on.
    console.log(`Standalone servers run on Node: api ${listening?.node}, web ${webStart?.node}`);
    expect(listening?.node).toMatch(/^v24\./);
    expect(webStart?.node).toMatch(/^v24\./);
  });

  it("serves the README's curl flow: sign up, get a JWT, create a todo, list it", async () => {
    const token = await signUpForToken(web.url, mail, "ada@example.com");
    const { id, data } = await createThenList(api.url, token);
    expect(data).toEqual([expect.objectContaining({ id, title: "Buy milk" })]);
    // The pages' assets come from the copied .next/static, and the API reference from the
    // traced swagger-ui-dist.
    const page = await (await fetch(`${web.url}/sign-in`)).text();
    const asset = page.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(asset).toBeDefined();
    expect((await fetch(`${web.url}${asset}`)).status).toBe(200);
    expect((await fetch(`${api.url}/api/v1/docs`)).status).toBe(200);
  });

  it("sends the web app's security headers, and no-store on the auth routes", async () => {
    for (const path of ["/sign-in", "/api/auth/ok", "/icon.svg"]) {
      const response = await fetch(`${web.url}${path}`, { redirect: "manual" });
      await response.arrayBuffer();
      const headers = Object.fromEntries(response.headers);
      expect(headers, path).toMatchObject({
        "content-security-policy": expect.stringContaining("frame-ancestors 'none'"),
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
        "strict-transport-security": "max-age=63072000; includeSubDomains",
      });
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
    const auth = await fetch(`${web.url}/api/auth/get-session`);
    await auth.arrayBuffer();
    expect(auth.headers.get("cache-control")).toBe("no-store");
    // The mailed reset link's token is in the page's URL: no Referer passes it on.
    const reset = await fetch(`${web.url}/reset-password?token=mailed-token`);
    await reset.arrayBuffer();
    expect(reset.status).toBe(200);
    expect(reset.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("gives each page a fresh script nonce, and every script on the page carries it", async () => {
    const nonces = new Set<string>();
    for (const path of ["/sign-in", "/sign-in", "/sign-up"]) {
      const response = await fetch(`${web.url}${path}`);
      const html = await response.text();
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = policy.match(
        /script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})' 'strict-dynamic';/,
      )?.[1];
      expect(nonce, policy).toBeDefined();
      // No eval in production, pages talk to themselves and the API only, and nothing frames them.
      expect(policy).not.toContain("unsafe-eval");
      expect(policy).toContain(`connect-src 'self' ${new URL(api.url).origin};`);
      expect(policy).toContain("frame-ancestors 'none'");
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(3);
      for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
      nonces.add(nonce as string);
    }
    expect(nonces.size).toBe(3);
  });

  it("refuses a cookie-carrying auth POST from the API's origin: only the web app's own origin is trusted", async () => {
    const signIn = (origin: string) =>
      curl(
        `${web.url}/api/auth/sign-in/email`,
        {
          "content-type": "application/json",
          origin,
          cookie: "better-auth.session_token=anything",
        },
        JSON.stringify({ email: "nobody@example.com", password: "correct-horse-battery" }),
      );
    // The API's origin serves its reference page, which runs scripts of its own.
    const fromApi = await signIn(new URL(api.url).origin);
    expect(fromApi.status, fromApi.text).toBe(403);
    expect(JSON.parse(fromApi.text)).toMatchObject({ code: "INVALID_ORIGIN" });
    // The same request from the web app's origin gets as far as checking the password.
    const fromWeb = await signIn(web.url);
    expect(fromWeb.status, fromWeb.text).toBe(401);
  });

  it.each([
    ["web", "DATABASE_URL"],
    ["web", "BETTER_AUTH_SECRET"],
    ["web", "SMTP_URL"],
    ["api", "DATABASE_URL"],
  ] as const)("the %s server refuses to start without %s, exit 1 naming it", async (app, name) => {
    // A port of its own.
    const env = { ...(app === "web" ? web.env : api.env), PORT: String(await freePort()) };
    const { [name]: _, ...without } = env as Record<string, string>;
    const host = spawnHost(without, app === "web" ? web.script : apiScript());
    running.push(host);
    expect(await host.exited).toBe(1);
    // The web app says it as a JSON log line (fatal), the API's host on stderr.
    const said =
      app === "web"
        ? JSON.stringify(host.logs.find((line) => line.msg === "refusing to start"))
        : host.stderr();
    expect(said).toMatch(new RegExp(app === "web" ? name : `Refusing to start:[\\s\\S]*${name}`));
  });

  // Last: it stops the API.
  it("on SIGTERM the API answers all 50 requests in flight, closes its pools, exits 0 and the port", async () => {
    const token = await signUpForToken(web.url, mail, "grace@example.com");
    const requests = Array.from({ length: 50 }, (_, i) =>
      slowCreate(api.port, token, `in flight ${i}`),
    );
    // Each was answered "100 Continue": the server has parsed all 50 (a connected socket alone
    // did not prove it: under load, SIGTERM once found only 4 to 11 of them parsed).
    await Promise.all(requests.map((r) => r.parsed));
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);

    api.host.child.kill("SIGTERM");
    const shuttingDown = await api.host.waitForLog((line) => line.msg === "shutting down");
    // Next may still be ending the health response (it sends the head first): 50 or 51.
    expect(shuttingDown.inFlight).toBeGreaterThanOrEqual(50);
    expect(await accepts(api.port)).toBe(false);

    for (const request of requests) request.finish();
    const responses = await Promise.all(requests.map((r) => r.response));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(responses.every((r) => r.connection === "close")).toBe(true);
    expect(await api.host.exited).toBe(0);
    const { logs } = api.host;
    const released = logs.find(
      (line) => line.msg === "closed the database pools and rate-limit stores",
    );
    expect(released?.closed).toBeGreaterThanOrEqual(1);
    // And "stopped" (logged after the release). Lines are not asserted in order: the route
    // modules' loggers are pino instances of their own, each buffering its writes to stdout, and
    // a run was seen with "stopped" a few lines before "closed…" and request lines after both.
    expect(logs.some((line) => line.msg === "stopped")).toBe(true);
    expect(await accepts(api.port)).toBe(false);
  });
});
