import { expect, test } from "../src/fixtures";
import { editTodo, expectTitles, localDate, signUp } from "../src/ui";
import { newUser } from "../src/users";

test("the due, priority and sort options narrow and order the list, with search and the tabs", async ({
  page,
}) => {
  await signUp(page, newUser("Barbara"));
  const form = page.getByRole("form", { name: "New todo" });
  const add = async (title: string, due: string, priority: string) => {
    await form.getByLabel("Title").fill(title);
    if (due) await form.getByLabel("Due date").fill(due);
    await form.getByLabel("Priority").selectOption({ label: priority });
    await form.getByRole("button", { name: "Add todo" }).click();
    await expect(form.getByLabel("Title")).toHaveValue("");
  };
  await add("Late report", localDate(-2), "High");
  await add("Today's call", localDate(0), "Urgent");
  await add("Next week plan", localDate(5), "Low");
  await add("Someday idea", "", "Normal");
  await expectTitles(page, ["Someday idea", "Next week plan", "Today's call", "Late report"]);
  const options = page.getByRole("group", { name: "More filters" });

  await test.step("due: overdue, today, the next 7 days", async () => {
    await options.getByLabel("Due").selectOption({ label: "Overdue" });
    await expectTitles(page, ["Late report"]);
    await options.getByLabel("Due").selectOption({ label: "Due today" });
    await expectTitles(page, ["Today's call"]);
    await options.getByLabel("Due").selectOption({ label: "Next 7 days" });
    await expectTitles(page, ["Next week plan", "Today's call"]);
    await options.getByLabel("Due").selectOption({ label: "Any time" });
  });

  await test.step("priority, combined with the Active tab", async () => {
    await options.getByLabel("Priority").selectOption({ label: "Urgent" });
    await expectTitles(page, ["Today's call"]);
    await page.getByRole("checkbox", { name: "Today's call", exact: true }).check();
    await page.getByRole("tab", { name: "Active" }).click();
    await expect(page.getByText("No matching todos")).toBeVisible();
    await page.getByRole("tab", { name: "All" }).click();
    await options.getByLabel("Priority").selectOption({ label: "Any" });
  });

  await test.step("sort by due date (undated last) and by priority (urgent first)", async () => {
    await options.getByLabel("Sort").selectOption({ label: "Due date" });
    await expectTitles(page, ["Late report", "Today's call", "Next week plan", "Someday idea"]);
    await options.getByLabel("Sort").selectOption({ label: "Priority" });
    await expectTitles(page, ["Today's call", "Late report", "Someday idea", "Next week plan"]);
    // A todo edited to urgent keeps its place until the list is read again.
    await editTodo(page, "Someday idea", (edit) =>
      edit.getByLabel("Priority").selectOption({ label: "Urgent" }),
    );
    await page.getByRole("searchbox", { name: "Search todos" }).fill("idea");
    await expectTitles(page, ["Someday idea"]);
  });
});
