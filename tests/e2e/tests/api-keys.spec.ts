import { API_KEY_SHOWN_LENGTH } from "@repo/auth/api-key-policy";
import { expect, test } from "../src/fixtures";
import { currentRun } from "../src/run";
import { alerts, apiKeyItem, apiKeyList, createApiKey, openApiKeys, signUp } from "../src/ui";
import { bearer, newUser } from "../src/users";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a read-only API key is shown once, lists todos, is refused a write with insufficient_scope, shows when it was last used, and stops working once revoked", async ({
  page,
}) => {
  const { apiUrl } = currentRun();
  const user = newUser("Ada");
  await signUp(page, user);
  await openApiKeys(page, user.name);
  await expect(page.getByText("No API keys yet.")).toBeVisible();

  const key = await createApiKey(page, "Backup script", {
    expiry: "7 days",
    scopes: ["todos:read"],
  });
  expect(key).toMatch(/^todo_[A-Za-z]{64}$/);
  await expect(page.getByText("This is the only time you'll see it")).toBeVisible();
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const item = apiKeyItem(page, "Backup script");
  // The list shows its first 12 characters: the prefix and 7 random ones.
  await expect(item).toContainText(`${key.slice(0, API_KEY_SHOWN_LENGTH)}…`);
  await expect(item).toContainText("todos:read");
  await expect(item).not.toContainText("todos:write");
  await expect(item).toContainText("Expires");
  await expect(item).toContainText("Never used");

  // Dismissed, the key is nowhere in the page; nor after a reload.
  await page.getByRole("button", { name: "I've saved it" }).click();
  await expect(page.getByRole("textbox", { name: /^API key/ })).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await page.reload();
  await expect(item).toBeVisible();
  expect(await page.content()).not.toContain(key);

  // The API takes it for reading, and refuses a write for want of todos:write (RFC 6750 §3.1).
  const list = await fetch(`${apiUrl}/api/v1/todos`, { headers: bearer(key) });
  expect(list.status, await list.clone().text()).toBe(200);
  expect(await list.json()).toEqual({ data: [], nextCursor: null });
  const write = await fetch(`${apiUrl}/api/v1/todos`, {
    method: "POST",
    headers: { ...bearer(key), "content-type": "application/json" },
    body: JSON.stringify({ title: "Not allowed" }),
  });
  expect(write.status).toBe(403);
  const challenge = write.headers.get("www-authenticate") ?? "";
  expect(challenge).toContain('error="insufficient_scope"');
  expect(challenge).toContain('scope="todos:write"');

  // The API recorded the key's first use (before answering it): the list says when.
  await page.reload();
  await expect(item).toContainText(/Last used [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(item).not.toContainText("Never used");

  // Revoke, after a confirmation.
  await item.getByRole("button", { name: 'Revoke "Backup script"' }).click();
  const dialog = page.getByRole("dialog", { name: 'Revoke "Backup script"?' });
  await expect(dialog).toContainText("can't be undone");
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText('Revoked "Backup script".');
  await expect(apiKeyList(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("No API keys yet.")).toBeVisible();
  // Every API instance forgets it within 10 s (issue 12).
  await expect
    .poll(async () => (await fetch(`${apiUrl}/api/v1/todos`, { headers: bearer(key) })).status, {
      timeout: 12_000,
      intervals: [500],
    })
    .toBe(401);
});

test("the key form asks for a name and a scope, and says so when the account holds the most keys it may", async ({
  page,
}) => {
  const { webUrl } = currentRun();
  const user = newUser("Barbara");
  await signUp(page, user);
  await openApiKeys(page, user.name);
  const form = page.getByRole("form", { name: "New API key" });

  await form.getByRole("button", { name: "Create key" }).click();
  await expect(alerts(page).filter({ hasText: "Give the key a name." })).toBeVisible();
  await form.getByLabel("Name").fill("Nightly export");
  await form.getByRole("checkbox", { name: "todos:read" }).uncheck();
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(alerts(page).filter({ hasText: "Choose at least one scope" })).toBeVisible();

  // 50 keys made over HTTP with the page's session (Better Auth wants the app's Origin on a POST).
  for (let i = 0; i < 50; i++) {
    const created = await page.request.post(`${webUrl}/api/auth/api-key/create-scoped`, {
      headers: { Origin: webUrl },
      data: { name: `key ${i}`, expiresInDays: 7, scopes: ["todos:read"] },
    });
    expect(created.status(), await created.text()).toBe(200);
  }
  await form.getByRole("checkbox", { name: "todos:write" }).check();
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(alerts(page).filter({ hasText: "an account holds at most 50 keys" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^API key/ })).toHaveCount(0);
});
