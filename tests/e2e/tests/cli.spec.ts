// The `todo` CLI against both apps: its device login (RFC 8628) approved in the browser, then
// its commands with the API key it stored, and `todo logout` revoking that key.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { type CliRun, runCli, startCli, stopRunningClis } from "../src/cli";
import { expect, test } from "../src/fixtures";
import { waitForLink } from "../src/mail";
import { currentRun } from "../src/run";
import { saveScreenshot } from "../src/screenshots";
import { sendSignUpForm, signUp, todoItem } from "../src/ui";
import { bearer, newUser } from "../src/users";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** What a run printed, for the transcript: stdout as it is, stderr marked. */
const lines = ({ stdout, stderr }: CliRun) => [
  ...stdout.split("\n").filter(Boolean),
  ...stderr
    .split("\n")
    .filter(Boolean)
    .map((line) => `stderr: ${line}`),
];

let root: string;
test.beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "todo-e2e-cli-"));
});
test.afterEach(async () => {
  stopRunningClis();
  await rm(root, { recursive: true, force: true });
});

/**
 * Starts `todo login` against this run's apps, reads the URL and code it prints, and enters
 * the code on that page as the signed-in user of `page`, who approves it.
 */
async function loginApprovedInBrowser(page: Page, configDir: string, testInfo?: TestInfo) {
  const { webUrl, apiUrl } = currentRun();
  const login = startCli(["login", "--web-url", webUrl, "--api-url", apiUrl], {
    TODO_CONFIG_DIR: configDir,
  });
  const [, url, code] = await login.waitForStdout(/^Open (\S+) and enter (\w{4}-\w{4})$/m);
  expect(url).toBe(`${webUrl}/device`);
  await page.goto(url as string);
  await page.getByLabel("Code").fill(code as string);
  await page.getByRole("button", { name: "Continue" }).click();
  const request = page.getByRole("region", { name: "todo CLI wants to use your account" });
  await expect(request).toContainText(code as string);
  await expect(request).toContainText("todos:write");
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText("You can return to your terminal");
  if (testInfo) await saveScreenshot(page, testInfo, "device-approved");
  return { run: await login.done, code: code as string };
}

test("todo login is approved in the browser; add, ls, done and whoami use the stored key; logout revokes it", async ({
  page,
}, testInfo) => {
  const { webUrl, apiUrl } = currentRun();
  const user = newUser("Linus");
  await signUp(page, user);
  // A directory the CLI must make itself.
  const configDir = path.join(root, "config", "todo");
  const env = { TODO_CONFIG_DIR: configDir };
  const transcript: string[] = [];
  const todo = async (...args: string[]) => {
    const run = await runCli(args, env);
    transcript.push(`$ todo ${args.join(" ")}   # exit ${run.code}`, ...lines(run));
    return run;
  };

  const { run: login, code } = await loginApprovedInBrowser(page, configDir, testInfo);
  transcript.push(`$ todo login --web-url … --api-url …   # exit ${login.code}`, ...lines(login));
  expect(login.code, login.stderr).toBe(0);
  expect(login.stdout).toBe(
    [
      `Open ${webUrl}/device and enter ${code}`,
      `(or open ${webUrl}/device?user_code=${code.replace("-", "")})`,
      "Waiting for approval… (Ctrl-C to cancel)",
      `Logged in as ${user.email}`,
      "",
    ].join("\n"),
  );

  // The key, readable by its owner only, and never printed.
  const file = path.join(configDir, "credentials.json");
  expect((await stat(configDir)).mode & 0o777).toBe(0o700);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const stored = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  expect(stored).toMatchObject({ apiUrl, webUrl });
  const key = stored.token as string;
  expect(key).toMatch(/^todo_[A-Za-z]{64}$/);
  expect(login.stdout + login.stderr).not.toContain(key);

  const title = "Water the plants";
  const added = await todo("add", title);
  expect(added.code, added.stderr).toBe(0);
  const id = UUID.exec(added.stdout)?.[0] as string;
  expect(added.stdout).toBe(`Added [ ] ${id}  ${title}\n`);
  const listed = await todo("ls");
  expect(listed.stdout).toMatch(new RegExp(`^\\[ \\] +${id} +normal +- +${title}\\n$`));
  const done = await todo("done", id);
  expect(done).toMatchObject({ code: 0, stdout: `[x] ${id}  ${title}\n` });
  // The same todo, done, in the web app.
  await page.goto("/todos");
  await expect(todoItem(page, title).getByRole("checkbox", { name: title })).toBeChecked();

  const whoami = await todo("whoami");
  expect(whoami.code, whoami.stderr).toBe(0);
  expect(whoami.stdout.split("\n")).toEqual([
    user.email,
    expect.stringMatching(/^user id: \S+$/),
    `API: ${apiUrl}`,
    "",
  ]);

  const logout = await todo("logout");
  expect(logout).toMatchObject({ code: 0, stdout: `Revoked the key; deleted ${file}.\n` });
  await expect(stat(file)).rejects.toThrow(/ENOENT/);
  // Every API instance refuses it within 10 s (issue 12).
  await expect
    .poll(async () => (await fetch(`${apiUrl}/api/v1/todos`, { headers: bearer(key) })).status, {
      timeout: 12_000,
      intervals: [500],
    })
    .toBe(401);
  expect((await todo("whoami")).code).toBe(3);

  for (const run of transcript) expect(run).not.toContain(key);
  const transcriptFile = testInfo.outputPath("cli-transcript.txt");
  await writeFile(transcriptFile, `${transcript.join("\n")}\n`);
  await testInfo.attach("cli-transcript", { path: transcriptFile, contentType: "text/plain" });
});

test("a login approved for an account that holds the most keys it may ends with the server's reason, exit 11, and stores nothing", async ({
  page,
}) => {
  const { webUrl } = currentRun();
  const user = newUser("Margaret");
  await signUp(page, user);
  // 50 keys over HTTP with the page's session (Better Auth wants the app's Origin on a POST).
  for (let i = 0; i < 50; i++) {
    const created = await page.request.post(`${webUrl}/api/auth/api-key/create-scoped`, {
      headers: { Origin: webUrl },
      data: { name: `key ${i}`, expiresInDays: 7, scopes: ["todos:read"] },
    });
    expect(created.status(), await created.text()).toBe(200);
  }
  const configDir = path.join(root, "todo");
  const { run } = await loginApprovedInBrowser(page, configDir);
  expect(run).toMatchObject({
    code: 11,
    stderr: "Login was refused: An account holds at most 50 API keys: revoke one first.\n",
  });
  await expect(stat(configDir)).rejects.toThrow(/ENOENT/);
});

test("a user with no account follows todo login's link, creates one from the sign-in page, and the confirmation link brings them back to the code, which they approve", async ({
  page,
}, testInfo) => {
  const { webUrl, apiUrl } = currentRun();
  const user = newUser("Ada");
  const configDir = path.join(root, "todo");
  const login = startCli(["login", "--web-url", webUrl, "--api-url", apiUrl], {
    TODO_CONFIG_DIR: configDir,
  });
  const [, link] = await login.waitForStdout(/^\(or open (\S+)\)$/m);
  const code = new URL(link as string).searchParams.get("user_code") as string;
  const device = new RegExp(`/device\\?user_code=${code}$`);

  await page.goto(link as string);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=/);
  await sendSignUpForm(page, user);
  await page.goto(await waitForLink(user.email, "Confirm your email address"));
  await expect(page).toHaveURL(device);

  await expect(page.getByRole("heading", { name: "Connect a device" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  await expect(page.getByLabel("Code")).toHaveValue(`${code.slice(0, 4)}-${code.slice(4)}`);
  await page.getByRole("button", { name: "Continue" }).click();
  const request = page.getByRole("region", { name: "todo CLI wants to use your account" });
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText(
    "You can return to your terminal: it will finish signing in within a few seconds.",
  );
  await saveScreenshot(page, testInfo, "device-approved-after-sign-up");

  const run = await login.done;
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout.split("\n")).toContain(`Logged in as ${user.email}`);
});
