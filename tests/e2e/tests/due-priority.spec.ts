import { expect, test } from "../src/fixtures";
import { editTodo, localDate, signUp, todoItem } from "../src/ui";
import { newUser } from "../src/users";

test("due dates and priority: set when adding and editing, overdue ones marked until completed", async ({
  page,
}) => {
  await signUp(page, newUser("Katherine"));
  const form = page.getByRole("form", { name: "New todo" });

  await test.step("add a todo due yesterday, urgent: it is marked overdue and urgent", async () => {
    await form.getByLabel("Title").fill("Renew passport");
    await form.getByLabel("Due date").fill(localDate(-1));
    await form.getByLabel("Priority").selectOption({ label: "Urgent" });
    await form.getByRole("button", { name: "Add todo" }).click();
    const item = todoItem(page, "Renew passport");
    await expect(item).toContainText("Overdue · Yesterday");
    await expect(item).toContainText("Urgent priority");
    // The form is back to no date and normal priority for the next todo.
    await expect(form.getByLabel("Due date")).toHaveValue("");
    await expect(form.getByLabel("Priority")).toHaveValue("normal");
  });

  await test.step("edit: a due time tomorrow and high priority; not overdue", async () => {
    await form.getByLabel("Title").fill("Book dentist");
    await form.getByRole("button", { name: "Add todo" }).click();
    await expect(todoItem(page, "Book dentist")).toBeVisible();
    await editTodo(page, "Book dentist", async (edit) => {
      await edit.getByLabel("Due date").fill(localDate(1));
      await edit.getByLabel("Time").fill("09:30");
      await edit.getByLabel("Priority").selectOption({ label: "High" });
    });
    const item = todoItem(page, "Book dentist");
    await expect(item).toContainText("Tomorrow 9:30 AM");
    await expect(item).not.toContainText("Overdue");
    await expect(item).toContainText("High priority");
  });

  await test.step("completing an overdue todo ends the overdue mark; it all survives a reload", async () => {
    await page.getByRole("checkbox", { name: "Renew passport", exact: true }).check();
    await expect(todoItem(page, "Renew passport")).not.toContainText("Overdue");
    await page.reload();
    await expect(todoItem(page, "Renew passport")).toContainText("Yesterday");
    await expect(todoItem(page, "Renew passport")).not.toContainText("Overdue");
    await expect(todoItem(page, "Book dentist")).toContainText("Tomorrow 9:30 AM");
  });
});
