import { expect, test } from "../src/fixtures";
import { sendSignInForm, signUp } from "../src/ui";
import { newUser } from "../src/users";

/** /sign-in that comes back to `page` (its path encoded: letters, digits, "-" and "%2F"). */
const signInFor = (page: string) => new RegExp(`/sign-in\\?next=${encodeURIComponent(page)}$`);

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
