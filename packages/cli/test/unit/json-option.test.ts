import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes";
import { runMain } from "../support/run-main";

const PRINTING = [
  "ls",
  "add",
  "done",
  "undo",
  "edit",
  "rm",
  "restore",
  "whoami",
  "projects ls",
  "projects add",
  "projects rename",
  "projects rm",
  "projects restore",
  "labels ls",
  "labels add",
  "labels rename",
  "labels rm",
];

describe("--json (no API needed)", () => {
  it.each(PRINTING)("`todo %s --help` lists --json", async (command) => {
    const run = await runMain([...command.split(" "), "--help"]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(/^ {2}--json {3,}\S/m);
  });

  it("whoami's help says its JSON is the API's object, without the API URL", async () => {
    const run = await runMain(["whoami", "--help"]);
    expect(run.stdout).toMatch(/--json +the API's \/me object .*not the API URL/);
  });

  it.each(["login", "logout"])("`todo %s --json` is a usage error (exit 2)", async (command) => {
    const run = await runMain([command, "--json"]);
    expect(run).toMatchObject({ code: EXIT.usage, stdout: "" });
    expect(run.stderr).toMatch(/Unknown option '--json'/);
  });
});
