import { expect, test } from "../src/fixtures";
import {
  addTodo,
  createNamed,
  editTodo,
  expectTitles,
  labelSection,
  signUp,
  todoItem,
} from "../src/ui";
import { newUser } from "../src/users";

test("labels: create, put on todos as chips, filter by all selected, delete (confirmed) off every todo", async ({
  page,
}) => {
  await signUp(page, newUser("Ada"));
  const labels = labelSection(page);
  await addTodo(page, "Buy stamps");
  await addTodo(page, "Post the letter");
  await addTodo(page, "Call the bank");
  await createNamed(page, "label", "errand", "Orange");
  await createNamed(page, "label", "quick", "Teal");

  await test.step("label todos in the edit form; each shows its labels as chips", async () => {
    await editTodo(page, "Buy stamps", (form) =>
      form.getByRole("checkbox", { name: "errand" }).check(),
    );
    await editTodo(page, "Post the letter", async (form) => {
      await form.getByRole("checkbox", { name: "errand" }).check();
      await form.getByRole("checkbox", { name: "quick" }).check();
    });
    await expect(todoItem(page, "Buy stamps")).toContainText("errand");
    await expect(todoItem(page, "Post the letter")).toContainText("quick");
    await expect(todoItem(page, "Call the bank")).not.toContainText("errand");
  });

  await test.step("picking labels shows the todos carrying all of them", async () => {
    await labels.getByRole("button", { name: "errand", exact: true }).click();
    await expectTitles(page, ["Post the letter", "Buy stamps"]);
    await labels.getByRole("button", { name: "quick", exact: true }).click();
    await expectTitles(page, ["Post the letter"]);
    await labels.getByRole("button", { name: "Clear labels" }).click();
    await expectTitles(page, ["Call the bank", "Post the letter", "Buy stamps"]);
  });

  await test.step("deleting a label asks first, then takes it off every todo", async () => {
    await labels.getByRole("button", { name: 'Edit label "errand"' }).click();
    const form = labels.getByRole("form", { name: 'Edit label "errand"' });
    await form.getByRole("button", { name: "Delete" }).click();
    await expect(labels.getByRole("alert")).toContainText("comes off every todo");
    await form.getByRole("button", { name: "Delete label for good" }).click();
    await expect(labels.getByRole("button", { name: "errand", exact: true })).toBeHidden();
    await expect(todoItem(page, "Buy stamps")).not.toContainText("errand");
    await expect(todoItem(page, "Post the letter")).toContainText("quick");
  });
});
