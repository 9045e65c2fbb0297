import { API_KEY_SHOWN_LENGTH } from "@repo/auth/api-key-policy";
import { requestDeviceCode, waitForDeviceToken } from "../src/device-login";
import { expect, test } from "../src/fixtures";
import { currentRun } from "../src/run";
import { alerts, apiKeyItem, openApiKeys, sendSignInForm, signUp } from "../src/ui";
import { newUser } from "../src/users";

const dashed = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

test("a signed-in user approves the code a CLI asked for, and the CLI's token request gets a todo_ API key", async ({
  page,
}) => {
  const { webUrl } = currentRun();
  const user = newUser("Grace");
  await signUp(page, user);

  const grant = await requestDeviceCode("todos:read todos:write");
  expect(grant.verification_uri).toBe(`${webUrl}/device`);
  expect(grant.user_code).toMatch(/^[A-Z2-9]{8}$/);
  expect((await waitForDeviceToken(grant, 0)).body.error).toBe("authorization_pending");

  await page.goto(grant.verification_uri);
  await expect(page.getByRole("heading", { name: "Connect a device" })).toBeVisible();
  // Typed as people type it: lower case, with the dash.
  await page.getByLabel("Code").fill(dashed(grant.user_code).toLowerCase());
  await expect(page.getByLabel("Code")).toHaveValue(dashed(grant.user_code));
  await page.getByRole("button", { name: "Continue" }).click();

  const request = page.getByRole("region", { name: "todo CLI wants to use your account" });
  await expect(request).toContainText(dashed(grant.user_code));
  await expect(request).toContainText("todos:read");
  await expect(request).toContainText("todos:write");
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText("You can return to your terminal");

  // The same code again, before the CLI collects its key: already answered.
  await page.goto(grant.verification_uri_complete);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(alerts(page).filter({ hasText: "already approved or denied" })).toBeVisible();

  const { status, body } = await waitForDeviceToken(grant);
  expect(status, JSON.stringify(body)).toBe(200);
  expect(body).toMatchObject({ token_type: "Bearer", scope: "todos:read todos:write" });
  expect(String(body.access_token)).toMatch(/^todo_[A-Za-z]{64}$/);

  // The key is the user's: it is listed (not shown) with the rest.
  await page.goto("/todos");
  await openApiKeys(page, user.name);
  const item = apiKeyItem(page, "CLI login");
  await expect(item).toContainText(`${String(body.access_token).slice(0, API_KEY_SHOWN_LENGTH)}…`);
  await expect(item).toContainText("todos:write");
});

test("a signed-out user following the CLI's link signs in, comes back to the code, and denies it; an unknown code is refused", async ({
  page,
}) => {
  const user = newUser("Hedy");
  await signUp(page, user);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  const grant = await requestDeviceCode();
  await page.goto(grant.verification_uri_complete);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await sendSignInForm(page, user);
  await expect(page).toHaveURL(new RegExp(`/device\\?user_code=${grant.user_code}$`));
  await expect(page.getByLabel("Code")).toHaveValue(dashed(grant.user_code));
  await page.getByRole("button", { name: "Continue" }).click();

  // No scope asked for is every scope.
  const request = page.getByRole("region", { name: "todo CLI wants to use your account" });
  await expect(request).toContainText("todos:read");
  await expect(request).toContainText("todos:write");
  await request.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByRole("status")).toContainText("Nothing was given access");
  const { status, body } = await waitForDeviceToken(grant);
  expect(status).toBe(400);
  expect(body.error).toBe("access_denied");

  await page.goto("/device");
  await page.getByLabel("Code").fill("2222-2222");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(alerts(page).filter({ hasText: "That code isn't valid" })).toBeVisible();
  await page.getByLabel("Code").fill("ABC");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(alerts(page).filter({ hasText: "Enter all 8 characters" })).toBeVisible();
});

test("the sign-in page returns only to a page of this site", async ({ page }) => {
  const user = newUser("Joan");
  await signUp(page, user);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-in?next=//example.com/device");
  await sendSignInForm(page, user);
  await expect(page).toHaveURL(/\/todos$/);
});
