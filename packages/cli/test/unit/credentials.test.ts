import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteCredentials, readCredentials, writeCredentials } from "../../src/config/credentials";
import { configDir } from "../../src/config/paths";
import { resolveSettings } from "../../src/config/settings";

const credentials = {
  apiUrl: "http://api.test",
  webUrl: "http://web.test",
  token: "todo_secret",
  createdAt: "2026-12-01T00:00:00.000Z",
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "todo-credentials-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe("the credentials file", () => {
  it("is written 0600 in a 0700 directory, even one that existed with looser modes", async () => {
    const dir = path.join(root, "todo");
    await mkdir(dir, { mode: 0o755 });
    await writeCredentials(dir, credentials);
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(path.join(dir, "credentials.json"))).toBe(0o600);
    expect(await readdir(dir)).toEqual(["credentials.json"]);
    expect(await readCredentials(dir)).toEqual(credentials);
  });

  it("is replaced whole on a second login, and deleting is idempotent", async () => {
    const dir = path.join(root, "a", "todo");
    await writeCredentials(dir, credentials);
    await writeCredentials(dir, { ...credentials, token: "todo_other" });
    expect((await readCredentials(dir))?.token).toBe("todo_other");
    expect(await deleteCredentials(dir)).toBe(true);
    expect(await deleteCredentials(dir)).toBe(false);
    expect(await readCredentials(dir)).toBeUndefined();
  });

  it("lives in TODO_CONFIG_DIR, else $XDG_CONFIG_HOME/todo, else ~/.config/todo", () => {
    expect(configDir({ TODO_CONFIG_DIR: "/x/y", XDG_CONFIG_HOME: "/z" })).toBe("/x/y");
    expect(configDir({ XDG_CONFIG_HOME: "/z" })).toBe("/z/todo");
    expect(configDir({})).toBe(path.join(os.homedir(), ".config", "todo"));
  });
});

describe("settings", () => {
  it("take the flag, else the environment, else the stored login, else the development default", () => {
    const env = { TODO_API_URL: "http://env.test", TODO_TOKEN: "env-token" };
    expect(resolveSettings({ apiUrl: "http://flag.test/" }, env, credentials)).toEqual({
      apiUrl: "http://flag.test",
      webUrl: "http://web.test",
      token: "env-token",
    });
    expect(resolveSettings({}, {}, credentials).apiUrl).toBe("http://api.test");
    expect(resolveSettings({}, {}, undefined)).toEqual({
      apiUrl: "http://localhost:3001",
      webUrl: "http://localhost:3000",
      token: undefined,
    });
  });
});
