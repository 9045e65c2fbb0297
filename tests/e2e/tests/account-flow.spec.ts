import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../src/fixtures";
import { waitForLink } from "../src/mail";
import { expectSignInRefused, sendSignUpForm, signIn } from "../src/ui";
import { newUser, type TestUser } from "../src/users";

async function fillSignUp(page: Page, user: TestUser): Promise<void> {
  await page.goto("/sign-up");
  await sendSignUpForm(page, user);
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

// Ten steps across two browser contexts and four mails: about 40 s alone, 58 s beside the other
// specs on a loaded machine, so it gets twice the default.
test.describe.configure({ timeout: 120_000 });

test("sign up → mail → verify → sign in → forgot → reset → the old session is gone; sessions on the account page end one by one and everywhere", async ({
  page,
  browser,
}) => {
  const user = newUser("Ines");
  const newPassword = `${user.password}-new`;

  await test.step("sign up: no session yet, a mail with the confirmation link", async () => {
    await fillSignUp(page, user);
    await page.goto("/todos");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftodos$/);
  });

  await test.step("signing in before confirming is refused, and sends a new link", async () => {
    await expectSignInRefused(page, user, "Confirm your email address first");
  });

  await test.step("the mailed link confirms the address and signs in", async () => {
    // Two mails by now (sign-up, and the refused sign-in); either link works once.
    await waitForLink(user.email, "Confirm your email address");
    const link = await waitForLink(user.email, "Confirm your email address");
    await page.goto(link);
    await expect(page).toHaveURL(/\/todos$/);
    await expect(page.getByRole("banner").getByText(user.name, { exact: true })).toBeVisible();
  });

  await test.step("signing up again with the same address answers the same, and mails the owner", async () => {
    const stranger = await newPage(browser);
    await fillSignUp(stranger, { ...user, name: "Impostor", password: "another-password-1" });
    await waitForLink(user.email, "Someone tried to sign up with your address");
    await stranger.context().close();
  });

  await test.step("sign out, then sign in with the password", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn(page, user);
  });

  const other = await newPage(browser);
  await test.step("on another device: forgot password → reset link → a new password", async () => {
    await other.goto("/sign-in");
    await other.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(other).toHaveURL(/\/forgot-password$/);
    await other.getByLabel("Email").fill(user.email);
    await other.getByRole("button", { name: "Send reset link" }).click();
    await expect(other.getByRole("status")).toContainText(
      "has an account, a reset link is on its way",
    );

    const link = await waitForLink(user.email, "Reset your password");
    await other.goto(link);
    await expect(other).toHaveURL(/\/reset-password\?token=/);
    await other.getByLabel("New password").fill(newPassword);
    await other.getByRole("button", { name: "Set new password" }).click();
    await expect(other.getByRole("status")).toContainText("Your password is changed");

    // The link worked once.
    await other.goto(link);
    await other.getByLabel("New password").fill(`${newPassword}-again`);
    await other.getByRole("button", { name: "Set new password" }).click();
    await expect(
      other.getByRole("alert").filter({ hasText: "expired or was used already" }),
    ).toBeVisible();
  });

  await test.step("the first device's session is gone", async () => {
    const token = await page.request.get("/api/auth/token");
    expect(token.status()).toBe(401);
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftodos$/);
  });

  await test.step("the old password is refused, the new one signs in", async () => {
    await expectSignInRefused(page, user, "Invalid email or password");
    await signIn(page, { ...user, password: newPassword });
    await signIn(other, { ...user, password: newPassword });
  });

  await test.step("the account page lists both sessions and signs the other one out", async () => {
    await page.getByRole("link", { name: user.name }).click();
    await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
    const sessions = page.getByRole("list", { name: "Sessions" }).getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
    await sessions
      .filter({ hasNotText: "This device" })
      .getByRole("button", { name: "Sign out" })
      .click();
    await expect(sessions).toHaveCount(1);
    await other.reload();
    await expect(other).toHaveURL(/\/sign-in\?next=%2Ftodos$/);
  });

  await test.step("sign out everywhere ends this session too", async () => {
    await signIn(other, { ...user, password: newPassword });
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    for (const device of [page, other]) {
      expect((await device.request.get("/api/auth/token")).status()).toBe(401);
    }
  });
  await other.context().close();
});
