import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes";
import { testApiHost, useApi } from "../support/api";
import { cliUsers } from "../support/cli-user";
import { type CliRun, useBuiltCli } from "../support/run-cli";

const api = useApi();
const cli = useBuiltCli();
const asNewUser = cliUsers(api, cli);

/** stdout as one JSON value, after checking the run succeeded and printed nothing else anywhere. */
function onlyJson(run: CliRun) {
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: "" });
  const value = JSON.parse(run.stdout);
  expect(run.stdout).toBe(`${JSON.stringify(value, null, 2)}\n`);
  return value;
}

/** What the API itself answers to a GET of `path`, as `token`'s user. */
async function apiGet(path: string, token: string) {
  const response = await api.call("GET", `/api/v1${path}`, { token });
  expect(response.status).toBe(200);
  return response.json();
}

// Each test spawns the CLI (a Node process) up to 15 times in a row: ~0.2 s each on a quiet
// machine, several seconds when the suite keeps both cores busy.
describe(`todo … --json against the API (host: ${testApiHost()})`, { timeout: 60_000 }, () => {
  it("add --json prints the created todo exactly as the API answers a GET of it", async () => {
    const { user, todo } = await asNewUser();
    await todo("labels", "add", "errand");
    const added = onlyJson(
      await todo("add", "buy", "milk", "--json", "--due", "2026-12-01", "--label", "errand"),
    );
    expect(added).toMatchObject({ title: "buy milk", dueAt: "2026-12-01T23:59:59.999Z" });
    expect(added.labelIds).toHaveLength(1);
    expect(added).toEqual(await apiGet(`/todos/${added.id}`, user.token));
  });

  it("done --json and edit --json print the changed todo", async () => {
    const { user, todo, idOf } = await asNewUser();
    const id = idOf(await todo("add", "draft"));
    const done = onlyJson(await todo("done", id, "--json"));
    expect(done).toMatchObject({ id, completed: true });
    expect(done).toEqual(await apiGet(`/todos/${id}`, user.token));
    const edited = onlyJson(await todo("edit", "--json", id, "--title", "final"));
    expect(edited).toMatchObject({ id, title: "final", completed: true });
    expect(edited).toEqual(await apiGet(`/todos/${id}`, user.token));
  });

  it("whoami --json prints the API's /me object, without the API URL", async () => {
    const { user, todo } = await asNewUser();
    const me = onlyJson(await todo("whoami", "--json"));
    expect(me).toEqual(await apiGet("/me", user.token));
    expect(me).toEqual({ id: user.id, email: `${user.id}@example.test`, name: user.id });
  });

  it("projects add --json and labels rename --json print the project and the label", async () => {
    const { user, todo } = await asNewUser();
    const project = onlyJson(await todo("projects", "add", "Garden", "--color", "green", "--json"));
    expect(project).toMatchObject({ name: "Garden", color: "green", archived: false });
    expect(project).toEqual(await apiGet(`/projects/${project.id}`, user.token));
    await todo("labels", "add", "soon");
    const label = onlyJson(await todo("labels", "rename", "SOON", "now", "--json"));
    expect(label).toMatchObject({ name: "now" });
    expect(label).toEqual(await apiGet(`/labels/${label.id}`, user.token));
  });

  it("rm --json, projects rm --json and labels rm --json print nothing; the exit code says it", async () => {
    const { todo, json, idOf } = await asNewUser();
    const id = idOf(await todo("add", "temp"));
    await todo("projects", "add", "P");
    await todo("labels", "add", "L");
    for (const args of [
      ["rm", id],
      ["projects", "rm", "P"],
      ["labels", "rm", "L"],
    ])
      expect(await todo(...args, "--json")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await json("ls", "--json")).toEqual([]);
    expect(await json("projects", "ls", "--json")).toEqual([]);
    expect(await json("labels", "ls", "--json")).toEqual([]);
  });

  it("an error with --json: nothing on stdout, the same message on stderr and the same exit code", async () => {
    const { todo } = await asNewUser();
    const missing = "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11";
    const plain = await todo("done", missing);
    const json = await todo("done", missing, "--json");
    expect(json).toEqual({ code: EXIT.notFound, stdout: "", stderr: plain.stderr });
    const taken = await todo("projects", "add", "X");
    expect(taken.code).toBe(0);
    const again = await todo("projects", "add", "x", "--json");
    expect(again).toMatchObject({ code: EXIT.conflict, stdout: "" });
  });
});
