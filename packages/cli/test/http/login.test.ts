import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes";
import { testApiHost, useApi } from "../support/api";
import { startDeviceEndpoints } from "../support/device-endpoints";
import { useBuiltCli } from "../support/run-cli";

const api = useApi();
const cli = useBuiltCli();

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "todo-login-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));
const closers: (() => Promise<void>)[] = [];
afterEach(() => Promise.all(closers.splice(0).map((close) => close())));

async function deviceEndpoints(token?: string) {
  const standIn = await startDeviceEndpoints(token);
  closers.push(standIn.close);
  return standIn;
}

// Each test spawns the CLI (a Node process) up to 15 times in a row: ~0.2 s each on a quiet
// machine, several seconds when the suite keeps both cores busy.
describe(`todo login, whoami, logout (host: ${testApiHost()})`, { timeout: 60_000 }, () => {
  it("stores the token 0600 in a 0700 directory, uses it, and logout deletes it though a JWT is no key to revoke (twice is fine)", async () => {
    const user = await api.createUser();
    const web = await deviceEndpoints(user.token);
    const configDir = path.join(root, "config", "todo");
    const env = { TODO_CONFIG_DIR: configDir };
    const login = await cli.run(["login", "--api-url", api.url(), "--web-url", web.url], env);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toBe(
      [
        "Open http://web.test/device and enter WXYZ-2345",
        "(or open http://web.test/device?user_code=WXYZ2345)",
        "Waiting for approval… (Ctrl-C to cancel)",
        `Logged in as ${user.id}@example.test`,
        "",
      ].join("\n"),
    );
    expect(`${login.stdout}${login.stderr}`).not.toContain(user.token);

    const file = path.join(configDir, "credentials.json");
    expect((await stat(configDir)).mode & 0o777).toBe(0o700);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({
      apiUrl: api.url(),
      webUrl: web.url,
      token: user.token,
    });

    // No TODO_API_URL, no TODO_TOKEN: the stored login's.
    const whoami = await cli.run(["whoami"], env);
    expect(whoami.stdout).toBe(`${user.id}@example.test\nuser id: ${user.id}\nAPI: ${api.url()}\n`);

    // The stand-in handed out a JWT, which the API cannot revoke (404): the file goes all the same.
    const logout = await cli.run(["logout"], env);
    expect(logout).toMatchObject({
      code: 0,
      stdout: `The stored login held no API key to revoke; deleted ${file}.\n`,
    });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    expect(await cli.run(["logout"], env)).toMatchObject({ code: 0, stdout: "Not logged in.\n" });
    expect((await cli.run(["whoami"], env)).code).toBe(EXIT.unauthorized);
  });

  it("Ctrl-C while waiting for approval exits 130 and stores nothing", async () => {
    const web = await deviceEndpoints();
    const configDir = path.join(root, "interrupted");
    const login = cli.start(["login", "--api-url", api.url(), "--web-url", web.url], {
      TODO_CONFIG_DIR: configDir,
    });
    await login.waitForStdout("Waiting for approval");
    login.child.kill("SIGINT");
    const run = await login.done;
    expect(run.code).toBe(EXIT.interrupted);
    expect(run.stderr).toBe("Interrupted.\n");
    await expect(stat(configDir)).rejects.toThrow(/ENOENT/);
  });
});
