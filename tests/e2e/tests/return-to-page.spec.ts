import type { Page } from "@playwright/test";
import { requestDeviceCode } from "../src/device-login";
import { expect, test } from "../src/fixtures";
import { waitForLink } from "../src/mail";
import { sendSignInForm, signUp } from "../src/ui";
import { newUser, type TestUser } from "../src/users";

/** `page` (an account page) that comes back to `next` (encoded: letters, digits, "-", "%2F", "%3F", "%3D"). */
const pageFor = (page: string, next: string) =>
  new RegExp(`${page}\\?next=${encodeURIComponent(next)}$`);
/** /sign-in that comes back to `page`. */
const signInFor = (page: string) => pageFor("/sign-in", page);

/** From /forgot-password: asks for a reset link for `user`, and resolves with the mailed link. */
async function askForResetLink(page: Page, user: TestUser): Promise<URL> {
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText(
    "has an account, a reset link is on its way",
  );
  return new URL(await waitForLink(user.email, "Reset your password"));
}

/** On the mailed link's page: sets `password`, then follows "Sign in". */
async function setPasswordThenSignIn(page: Page, password: string): Promise<void> {
  await page.getByLabel("New password").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");
  await page.getByRole("link", { name: "Sign in" }).click();
}

/** A user with an account, signed out, on `page`. */
async function signedOutUser(page: Page, name: string): Promise<TestUser> {
  const user = newUser(name);
  await signUp(page, user);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  return user;
}

test("a signed-out visit to a signed-in page signs in and comes back to it, as does a page whose session ends under it", async ({
  page,
}) => {
  const user = newUser("Mary");
  await signUp(page, user);
  await page.getByRole("button", { name: "Sign out" }).click();
  // Signing out is not a visit: plain /sign-in, then /todos.
  await expect(page).toHaveURL(/\/sign-in$/);

  await test.step("every signed-in page sends a signed-out visitor to sign in with its path", async () => {
    for (const path of ["/todos", "/account", "/token", "/account/api-keys"]) {
      await page.goto(path);
      await expect(page).toHaveURL(signInFor(path));
    }
  });

  await test.step("signing in comes back to the bookmarked /account/api-keys", async () => {
    await sendSignInForm(page, user);
    await expect(page).toHaveURL(/\/account\/api-keys$/);
    await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  });

  await test.step("signed out in another tab: the next action signs in and comes back here", async () => {
    const other = await page.context().newPage();
    await other.goto("/todos");
    await other.getByRole("button", { name: "Sign out" }).click();
    await expect(other).toHaveURL(/\/sign-in$/);
    await other.close();

    const form = page.getByRole("form", { name: "New API key" });
    await form.getByLabel("Name").fill("Nightly backup");
    await form.getByRole("button", { name: "Create key" }).click();
    await expect(page).toHaveURL(signInFor("/account/api-keys"));
    await sendSignInForm(page, user);
    await expect(page).toHaveURL(/\/account\/api-keys$/);
    await expect(page.getByText("No API keys yet.")).toBeVisible();
  });
});

test("a forgotten password on the way back: forgot → reset mail → new password → sign in lands on the page, and every link on the way keeps it", async ({
  page,
}) => {
  const user = await signedOutUser(page, "Rosalind");
  const grant = await requestDeviceCode();
  const next = `/device?user_code=${grant.user_code}`;
  const newPassword = `${user.password}-new`;

  await page.goto(grant.verification_uri_complete);
  await expect(page).toHaveURL(signInFor(next));
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(pageFor("/forgot-password", next));
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL(signInFor(next));
  await page.getByRole("link", { name: "Forgot your password?" }).click();

  const link = await askForResetLink(page, user);
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL(signInFor(next));

  await test.step("a link without its token offers a new one, keeping the way back", async () => {
    await page.goto(`/reset-password?next=${encodeURIComponent(next)}`);
    await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
    await page.getByRole("link", { name: "Get a new link" }).click();
    await expect(page).toHaveURL(pageFor("/forgot-password", next));
  });

  await test.step("the mailed link carries the way back, past the new password and the sign-in", async () => {
    expect(link.searchParams.get("next")).toBe(next);
    await page.goto(link.href);
    await setPasswordThenSignIn(page, newPassword);
    await expect(page).toHaveURL(signInFor(next));
    await sendSignInForm(page, { ...user, password: newPassword });
    await expect(page).toHaveURL(new RegExp(`/device\\?user_code=${grant.user_code}$`));
    await expect(page.getByRole("heading", { name: "Connect a device" })).toBeVisible();
    await expect(page.getByLabel("Code")).toHaveValue(
      `${grant.user_code.slice(0, 4)}-${grant.user_code.slice(4)}`,
    );
  });
});

test("the password reset never follows a next that is not a page of this site", async ({
  page,
}) => {
  const user = await signedOutUser(page, "Barbara");
  const newPassword = `${user.password}-new`;

  await page.goto(`/forgot-password?next=${encodeURIComponent("//evil.example/device")}`);
  await expect(page.getByRole("link", { name: "Back to sign in" })).toHaveAttribute(
    "href",
    "/sign-in",
  );
  const link = await askForResetLink(page, user);
  expect([...link.searchParams.keys()]).toEqual(["token"]);

  // A link whose next was changed to another site: the page drops it.
  link.searchParams.set("next", "https://evil.example/device");
  await page.goto(link.href);
  await setPasswordThenSignIn(page, newPassword);
  await expect(page).toHaveURL(/\/sign-in$/);
  await sendSignInForm(page, { ...user, password: newPassword });
  await expect(page).toHaveURL(/\/todos$/);
});
