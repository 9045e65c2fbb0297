import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes";
import { testApiHost, useApi } from "../support/api";
import { startDeviceEndpoints } from "../support/device-endpoints";
import { useBuiltCli } from "../support/run-cli";

const api = useApi();
const cli = useBuiltCli();

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "todo-keys-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** GET /todos with `token`: 200 while it works, 401 once revoked. */
const statusWith = async (token: string) => {
  const response = await api.call("GET", "/api/v1/todos", { token });
  await response.body?.cancel();
  return response.status;
};

/** `todo login` through the stand-in device endpoints, which hand out `key`; the config dir. */
async function loggedInWith(key: string, name: string) {
  const web = await startDeviceEndpoints(key);
  try {
    const env = { TODO_CONFIG_DIR: path.join(root, name) };
    const login = await cli.run(["login", "--api-url", api.url(), "--web-url", web.url], env);
    expect(login.code, login.stderr).toBe(0);
    return { env, file: path.join(env.TODO_CONFIG_DIR, "credentials.json") };
  } finally {
    await web.close();
  }
}

// Each test spawns the CLI (a Node process) up to 15 times in a row: ~0.2 s each on a quiet
// machine, several seconds when the suite keeps both cores busy.
describe(`todo with API keys Better Auth created (host: ${testApiHost()})`, {
  timeout: 60_000,
}, () => {
  it("a todos:read key lists todos, and add exits 4 naming todos:write, creating nothing", async () => {
    const user = await api.createUser();
    await api.call("POST", "/api/v1/todos", { token: user.token, json: { title: "read me" } });
    const { key } = await api.createApiKey(user.id, ["todos:read"]);
    const env = { TODO_API_URL: api.url(), TODO_TOKEN: key, TODO_CONFIG_DIR: "/nonexistent" };

    const ls = await cli.run(["ls"], env);
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout).toMatch(/^\[ \] +[0-9a-f-]{36} +normal +- +read me\n$/);

    const add = await cli.run(["add", "not", "allowed"], env);
    expect(add).toMatchObject({
      code: EXIT.forbidden,
      stdout: "",
      stderr: "This API key lacks the scope todos:write: run `todo login` for a key that has it.\n",
    });
    expect(JSON.parse((await cli.run(["ls", "--json"], env)).stdout)).toHaveLength(1);
  });

  it("logout revokes a stored key (it is then 401 at once) and deletes the file; a second logout is a no-op", async () => {
    const user = await api.createUser();
    const { key } = await api.createApiKey(user.id, ["todos:read", "todos:write"]);
    const { env, file } = await loggedInWith(key, "revoke");
    expect((await cli.run(["add", "with", "the", "key"], env)).code).toBe(0);

    const logout = await cli.run(["logout"], env);
    expect(logout).toMatchObject({ code: 0, stdout: `Revoked the key; deleted ${file}.\n` });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    // The host that revoked it forgets its cached verification at once.
    expect(await statusWith(key)).toBe(401);
    expect(await cli.run(["logout"], env)).toMatchObject({ code: 0, stdout: "Not logged in.\n" });
  });

  it("logout of a stored key revoked elsewhere says so, deletes the file, and exits 0", async () => {
    const user = await api.createUser();
    const { key } = await api.createApiKey(user.id, ["todos:read"]);
    const { env, file } = await loggedInWith(key, "revoked-elsewhere");
    const revoked = await api.call("DELETE", "/api/v1/me/api-key", { token: key });
    expect(revoked.status).toBe(204);

    const logout = await cli.run(["logout"], env);
    expect(logout).toMatchObject({
      code: 0,
      stdout: `The key was already revoked or expired; deleted ${file}.\n`,
    });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it("logout with only TODO_TOKEN (a key or a JWT) revokes nothing, says so, and exits 0", async () => {
    const user = await api.createUser();
    const { key } = await api.createApiKey(user.id, ["todos:read"]);
    for (const token of [key, user.token]) {
      const env = { TODO_API_URL: api.url(), TODO_TOKEN: token, TODO_CONFIG_DIR: "/nonexistent" };
      expect(await cli.run(["logout"], env)).toMatchObject({
        code: 0,
        stdout:
          "No stored login to delete. TODO_TOKEN is set: logout leaves it alone (unset it; revoke a key in the web app).\n",
        stderr: "",
      });
    }
    expect(await statusWith(key)).toBe(200);
  });
});
