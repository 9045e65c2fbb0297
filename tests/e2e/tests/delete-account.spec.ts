import { expect, test } from "../src/fixtures";
import { addTodo, expectSignInRefused, signUp } from "../src/ui";
import { newUser } from "../src/users";

test("deleting the account: explained, confirmed with the email, then signed out for good", async ({
  page,
}) => {
  const user = newUser("Frances");
  await signUp(page, user);
  await addTodo(page, "Something to lose");
  await page.getByRole("link", { name: user.name }).click();
  await expect(page.getByText("It can't be undone")).toBeVisible();

  await test.step("Cancel closes the dialog and deletes nothing", async () => {
    await page.getByRole("button", { name: "Delete account…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("a wrong email is refused, in the dialog", async () => {
    await page.getByRole("button", { name: "Delete account…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.getByLabel("Type your email to confirm").fill("someone@else.test");
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await expect(dialog.getByRole("alert")).toContainText("to confirm");
    await expect(page).toHaveURL(/\/account$/);
  });

  await test.step("the right email deletes it and signs out; the password no longer works", async () => {
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.getByLabel("Type your email to confirm").fill(user.email);
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await page.request.get("/api/auth/token")).status()).toBe(401);
    await expectSignInRefused(page, user, "Invalid email or password");
  });
});
