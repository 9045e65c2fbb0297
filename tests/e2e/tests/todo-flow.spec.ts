import { expect, test } from "../src/fixtures";
import { addTodo, expectTitles, signIn, submitSignUp, todoItem, todoList } from "../src/ui";
import { newUser } from "../src/users";

test("a new user signs up, creates, edits, completes, filters, searches, deletes and undoes todos, and finds them all after a reload and after signing in again", async ({
  page,
}) => {
  const user = newUser("Grace");

  await test.step("sign up, starting from /", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL(/\/sign-up$/);
    await submitSignUp(page, user);
    await expect(page.getByRole("banner").getByText(user.name, { exact: true })).toBeVisible();
    await expect(page.getByText("No todos yet")).toBeVisible();
  });

  await test.step("create three todos, newest on top", async () => {
    await addTodo(page, "Buy milk");
    await addTodo(page, "Walk the dog", "Around the park");
    await addTodo(page, "Write report");
    await expectTitles(page, ["Write report", "Walk the dog", "Buy milk"]);
    await expect(todoItem(page, "Walk the dog")).toContainText("Around the park");
  });

  await test.step("edit one in place", async () => {
    await page.getByRole("button", { name: 'Edit "Buy milk"' }).click();
    const form = page.getByRole("form", { name: 'Edit "Buy milk"' });
    await form.getByLabel("Title").fill("Buy oat milk");
    await form.getByLabel("Description").fill("Two litres");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form).toBeHidden();
    await expect(todoItem(page, "Buy oat milk")).toContainText("Two litres");
    await expectTitles(page, ["Write report", "Walk the dog", "Buy oat milk"]);
  });

  await test.step("Escape cancels an edit", async () => {
    await page.getByRole("button", { name: 'Edit "Write report"' }).click();
    const form = page.getByRole("form", { name: 'Edit "Write report"' });
    await form.getByLabel("Title").fill("Not this");
    await form.getByLabel("Title").press("Escape");
    await expect(form).toBeHidden();
    await expectTitles(page, ["Write report", "Walk the dog", "Buy oat milk"]);
  });

  await test.step("Enter saves an edit", async () => {
    await page.getByRole("button", { name: 'Edit "Write report"' }).click();
    const form = page.getByRole("form", { name: 'Edit "Write report"' });
    await form.getByLabel("Title").fill("Write the report");
    await form.getByLabel("Title").press("Enter");
    await expect(form).toBeHidden();
    await expectTitles(page, ["Write the report", "Walk the dog", "Buy oat milk"]);
  });

  await test.step("complete one", async () => {
    await page.getByRole("checkbox", { name: "Walk the dog", exact: true }).check();
    await expect(page.getByRole("checkbox", { name: "Walk the dog", exact: true })).toBeChecked();
  });

  await test.step("filter by state", async () => {
    const filter = page.getByRole("tablist", { name: "Filter" });
    await filter.getByRole("tab", { name: "Active" }).click();
    await expect(filter.getByRole("tab", { name: "Active" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expectTitles(page, ["Write the report", "Buy oat milk"]);

    await filter.getByRole("tab", { name: "Completed" }).click();
    await expect(filter.getByRole("tab", { name: "Completed" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(filter.getByRole("tab", { name: "Active" })).toHaveAttribute(
      "aria-selected",
      "false",
    );
    await expectTitles(page, ["Walk the dog"]);

    await filter.getByRole("tab", { name: "All" }).click();
    await expect(filter.getByRole("tab", { name: "All" })).toHaveAttribute("aria-selected", "true");
    await expectTitles(page, ["Write the report", "Walk the dog", "Buy oat milk"]);
  });

  await test.step("search by title", async () => {
    const search = page.getByRole("searchbox", { name: "Search todos" });
    await search.fill("OAT");
    await expectTitles(page, ["Buy oat milk"]);
    await search.fill("no such todo");
    await expect(page.getByText("No matching todos")).toBeVisible();
    await search.fill("");
    await expectTitles(page, ["Write the report", "Walk the dog", "Buy oat milk"]);
  });

  await test.step("delete one, then undo", async () => {
    await page.getByRole("button", { name: 'Delete "Write the report"' }).click();
    await expectTitles(page, ["Walk the dog", "Buy oat milk"]);
    const deleted = page.getByRole("status").filter({ hasText: 'Deleted "Write the report"' });
    await expect(deleted).toBeVisible();
    await deleted.getByRole("button", { name: "Undo" }).click();
    await expectTitles(page, ["Write the report", "Walk the dog", "Buy oat milk"]);
  });

  await test.step("reload: everything is still there", async () => {
    await page.reload();
    await expectTitles(page, ["Write the report", "Walk the dog", "Buy oat milk"]);
    await expect(page.getByRole("checkbox", { name: "Walk the dog", exact: true })).toBeChecked();
    await expect(
      page.getByRole("checkbox", { name: "Buy oat milk", exact: true }),
    ).not.toBeChecked();
    await expect(todoItem(page, "Buy oat milk")).toContainText("Two litres");
  });

  await test.step("/ leads a signed-in user to the todos", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/todos$/);
    await expectTitles(page, ["Write the report", "Walk the dog", "Buy oat milk"]);
  });

  await test.step("sign out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/todos");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftodos$/);
    await expect(todoList(page)).toBeHidden();
  });

  await test.step("a wrong password is refused", async () => {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Invalid email or password" }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftodos$/);
  });

  await test.step("sign in again: the todos are back", async () => {
    await signIn(page, user);
    await expectTitles(page, ["Write the report", "Walk the dog", "Buy oat milk"]);
    await expect(page.getByRole("checkbox", { name: "Walk the dog", exact: true })).toBeChecked();
  });
});
