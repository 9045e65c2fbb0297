import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes";
import { testApiHost, useApi } from "../support/api";
import { cliUsers } from "../support/cli-user";
import { useBuiltCli } from "../support/run-cli";

const api = useApi();
const cli = useBuiltCli();

const asNewUser = cliUsers(api, cli);

// Each test spawns the CLI (a Node process) up to 15 times in a row: ~0.2 s each on a quiet
// machine, several seconds when the suite keeps both cores busy.
describe(`todo against the API (host: ${testApiHost()})`, { timeout: 60_000 }, () => {
  it("whoami prints the email, the user id and the API URL", async () => {
    const { user, todo } = await asNewUser();
    const run = await todo("whoami");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${user.id}@example.test\nuser id: ${user.id}\nAPI: ${api.url()}\n`);
  });

  it("add with a due day, priority, project and labels by name; ls --json shows them", async () => {
    const { todo, json } = await asNewUser();
    expect((await todo("projects", "add", "Home", "--color", "green")).code).toBe(0);
    expect((await todo("labels", "add", "errand")).code).toBe(0);
    expect((await todo("labels", "add", "Quick")).code).toBe(0);
    const added = await todo(
      "add",
      "buy",
      "milk",
      "--due",
      "2026-12-01",
      "--priority",
      "high",
      "--project",
      "home",
      "--label",
      "ERRAND",
      "--label",
      "quick",
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Added \[ \] [0-9a-f-]{36} {2}buy milk\n$/);
    const [projects, labels, todos] = [
      await json("projects", "ls", "--json"),
      await json("labels", "ls", "--json"),
      await json("ls", "--json"),
    ];
    expect(todos).toHaveLength(1);
    expect(todos[0]).toMatchObject({
      title: "buy milk",
      dueAt: "2026-12-01T23:59:59.999Z",
      priority: "high",
      projectId: projects[0].id,
      labelIds: labels.map((l: { id: string }) => l.id).sort(),
    });
    const human = await todo("ls");
    expect(human.stdout).toBe(
      `[ ]  ${todos[0].id}  high  2026-12-01  buy milk  @Home  #errand  #Quick\n`,
    );
  });

  it("an unknown project or label name is exit 5, and creates nothing", async () => {
    const { todo, json } = await asNewUser();
    const run = await todo("add", "x", "--project", "Nowhere");
    expect(run).toMatchObject({ code: EXIT.notFound, stdout: "" });
    expect(run.stderr).toBe('You have no project named "Nowhere".\n');
    expect((await todo("ls", "--label", "nope")).code).toBe(EXIT.notFound);
    expect(await json("ls", "--json")).toEqual([]);
  });

  it("done and undo mark a todo, and ls shows [x] aligned with the open ones", async () => {
    const { todo, json, idOf } = await asNewUser();
    const a = idOf(await todo("add", "first"));
    const b = idOf(
      await todo("add", "second", "--due", "2026-12-01T17:30:00Z", "--priority", "urgent"),
    );
    expect((await todo("done", a)).stdout).toBe(`[x] ${a}  first\n`);
    expect((await todo("ls", "--sort", "createdAt")).stdout).toBe(
      `[x]  ${a}  normal  -                 first\n[ ]  ${b}  urgent  2026-12-01 17:30  second\n`,
    );
    expect((await json("ls", "--completed", "--json")).map((t: { id: string }) => t.id)).toEqual([
      a,
    ]);
    expect((await json("ls", "--open", "--json")).map((t: { id: string }) => t.id)).toEqual([b]);
    expect((await todo("undo", a)).stdout).toBe(`[ ] ${a}  first\n`);
    expect(await json("ls", "--completed", "--json")).toEqual([]);
  });

  it("ls filters: project (none too), labels, priority, q, due range, overdue, sort", async () => {
    const { todo, json, idOf } = await asNewUser();
    await todo("projects", "add", "Work");
    await todo("labels", "add", "red");
    const inWork = idOf(
      await todo("add", "report", "--project", "Work", "--label", "red", "--priority", "low"),
    );
    const past = idOf(await todo("add", "taxes", "--due", "2020-01-01"));
    const future = idOf(await todo("add", "party", "--due", "2999-01-01", "--priority", "urgent"));
    const ids = async (...args: string[]) =>
      (await json("ls", "--json", ...args)).map((t: { id: string }) => t.id);
    expect(await ids("--project", "work")).toEqual([inWork]);
    expect(await ids("--project", "none", "--sort", "createdAt")).toEqual([past, future]);
    expect(await ids("--label", "red")).toEqual([inWork]);
    expect(await ids("--priority", "urgent")).toEqual([future]);
    expect(await ids("--q", "TAX")).toEqual([past]);
    expect(await ids("--overdue")).toEqual([past]);
    expect(await ids("--due-before", "2021-01-01")).toEqual([past]);
    expect(await ids("--due-after", "2021-01-01")).toEqual([future]);
    expect(await ids("--sort", "-priority")).toEqual([future, past, inWork]);
  });

  it("pages: --limit and --cursor one page at a time, --all every page", async () => {
    const { todo, json, idOf } = await asNewUser();
    const made: string[] = [];
    for (const title of ["a", "b", "c", "d", "e"]) made.push(idOf(await todo("add", title)));
    const first = await todo("ls", "--json", "--limit", "2", "--sort", "createdAt");
    expect(JSON.parse(first.stdout).map((t: { id: string }) => t.id)).toEqual(made.slice(0, 2));
    const cursor = /--cursor (\S+)/.exec(first.stderr)?.[1] as string;
    expect(cursor).toBeTruthy();
    const second = await json(
      "ls",
      "--json",
      "--limit",
      "2",
      "--sort",
      "createdAt",
      "--cursor",
      cursor,
    );
    expect(second.map((t: { id: string }) => t.id)).toEqual(made.slice(2, 4));
    const all = await todo("ls", "--json", "--limit", "2", "--sort", "createdAt", "--all");
    expect(JSON.parse(all.stdout).map((t: { id: string }) => t.id)).toEqual(made);
    expect(all.stderr).toBe("");
    const human = await todo("ls", "--limit", "2");
    expect(human.stdout).toMatch(/\nMore: add --cursor \S+ \(or --all\)\.\n$/);
  });

  it("edit changes fields with If-Match from its own GET; a stale --if-match is exit 6 and writes nothing", async () => {
    const { user, todo, json, idOf } = await asNewUser();
    await todo("projects", "add", "P");
    await todo("labels", "add", "L");
    const id = idOf(await todo("add", "draft", "--due", "2026-12-01"));
    const edited = await todo(
      "edit",
      id,
      "--title",
      "final",
      "--no-due",
      "--priority",
      "high",
      "--project",
      "P",
      "--label",
      "L",
    );
    expect(edited).toMatchObject({ code: 0, stdout: `Changed [ ] ${id}  final\n` });
    const [after] = await json("ls", "--json");
    expect(after).toMatchObject({ title: "final", dueAt: null, priority: "high" });
    expect(after.projectId).not.toBeNull();
    expect(after.labelIds).toHaveLength(1);
    expect((await todo("edit", id, "--no-project", "--no-labels")).code).toBe(0);
    expect((await json("ls", "--json"))[0]).toMatchObject({ projectId: null, labelIds: [] });

    // Read the tag, then change the todo behind it: the edit with the old tag must not land.
    const read = await api.call("GET", `/api/v1/todos/${id}`, { token: user.token });
    const staleEtag = read.headers.get("etag") as string;
    expect((await todo("done", id)).code).toBe(0);
    const stale = await todo("edit", id, "--title", "overwritten", "--if-match", staleEtag);
    expect(stale.code).toBe(EXIT.preconditionFailed);
    expect(stale.stderr).toMatch(/changed since you read it/);
    expect((await json("ls", "--json"))[0]).toMatchObject({ title: "final", completed: true });
  });

  it("rm hides a todo, restore brings it back; an unknown id is exit 5", async () => {
    const { todo, json, idOf } = await asNewUser();
    const id = idOf(await todo("add", "temp"));
    expect((await todo("rm", id)).stdout).toBe(
      `Deleted ${id} (undo with \`todo restore ${id}\`)\n`,
    );
    expect(await json("ls", "--json")).toEqual([]);
    expect((await todo("restore", id)).stdout).toBe(`Restored [ ] ${id}  temp\n`);
    expect(await json("ls", "--json")).toHaveLength(1);
    const missing = await todo("done", "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11");
    expect(missing.code).toBe(EXIT.notFound);
    expect(missing.stderr).toMatch(/^Not found/);
  });

  it("another user's todo is exit 4; a bad token exit 3; an invalid value exit 8 with its field", async () => {
    const owner = await asNewUser();
    const other = await asNewUser();
    const id = owner.idOf(await owner.todo("add", "mine"));
    expect((await other.todo("done", id)).code).toBe(EXIT.forbidden);

    const badToken = await cli.run(["ls"], { ...other.env, TODO_TOKEN: "not.a.jwt" });
    expect(badToken.code).toBe(EXIT.unauthorized);
    expect(badToken.stderr).toMatch(/run `todo login`/);

    const tooLong = await owner.todo("add", "x".repeat(300));
    expect(tooLong.code).toBe(EXIT.invalid);
    expect(tooLong.stderr).toMatch(/\n {2}title: must be at most 255 characters\n$/);
    const badDate = await owner.todo("add", "x", "--due", "2026-13-45T00:00:00Z");
    expect(badDate.code).toBe(EXIT.invalid);
    expect(badDate.stderr).toMatch(/dueAt:/);
  });

  it("projects: ls, add, rename, rm (its todos stay), restore; a taken name is exit 10", async () => {
    const { todo, json, idOf } = await asNewUser();
    const added = await todo("projects", "add", "Garden");
    const id = idOf(added);
    expect(added.stdout).toBe(`Added project ${id}  Garden\n`);
    expect((await todo("projects", "add", "garden")).code).toBe(EXIT.conflict);
    const todoId = idOf(await todo("add", "weed", "--project", "Garden"));
    expect((await todo("projects", "rename", "GARDEN", "Yard")).stdout).toBe(
      `Renamed project ${id}  Yard\n`,
    );
    expect((await todo("projects", "ls")).stdout).toBe(`${id}  Yard  gray\n`);
    expect((await todo("projects", "rm", "yard")).code).toBe(0);
    expect(await json("projects", "ls", "--json")).toEqual([]);
    expect((await json("ls", "--json"))[0]).toMatchObject({ id: todoId, projectId: null });
    expect((await todo("projects", "restore", id)).stdout).toBe(`Restored project ${id}  Yard\n`);
    expect((await json("projects", "ls", "--active", "--json"))[0]).toMatchObject({
      id,
      name: "Yard",
    });
    expect(await json("projects", "ls", "--archived", "--json")).toEqual([]);
  });

  it("labels: ls, add, rename, rm (every todo loses it)", async () => {
    const { todo, json, idOf } = await asNewUser();
    const id = idOf(await todo("labels", "add", "soon", "--color", "red"));
    const todoId = idOf(await todo("add", "call", "--label", "soon"));
    expect((await todo("labels", "rename", "SOON", "now")).stdout).toBe(
      `Renamed label ${id}  now\n`,
    );
    expect((await todo("labels", "ls")).stdout).toBe(`${id}  now  red\n`);
    expect((await todo("labels", "rm", "now")).stdout).toBe(`Deleted label ${id}\n`);
    expect(await json("labels", "ls", "--json")).toEqual([]);
    expect((await json("ls", "--json"))[0]).toMatchObject({ id: todoId, labelIds: [] });
  });
});
