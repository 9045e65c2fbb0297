import { expect, test } from "../src/fixtures";
import { addTodo, createNamed, expectTitles, projectNav, signUp, todoItem } from "../src/ui";
import { newUser } from "../src/users";

test("projects in the sidebar: create, pick to filter (new todos go there), rename, archive, delete and undo", async ({
  page,
}) => {
  await signUp(page, newUser("Hedy"));
  const nav = projectNav(page);

  await test.step("create a project and add a todo inside it", async () => {
    await addTodo(page, "Loose end");
    await createNamed(page, "project", "Home", "Green");
    await nav.getByRole("button", { name: "Home", exact: true }).click();
    await expect(nav.getByRole("button", { name: "Home", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByRole("heading", { level: 2, name: "Home" })).toBeVisible();
    await expect(page.getByText("Nothing here yet")).toBeVisible();
    await addTodo(page, "Fix the tap");
    await expectTitles(page, ["Fix the tap"]);
  });

  await test.step("All todos shows each todo's project; No project the others", async () => {
    await nav.getByRole("button", { name: "All todos" }).click();
    await expectTitles(page, ["Fix the tap", "Loose end"]);
    await expect(todoItem(page, "Fix the tap")).toContainText("Home");
    await nav.getByRole("button", { name: "No project" }).click();
    await expectTitles(page, ["Loose end"]);
  });

  await test.step("rename and recolour in place; a taken name is refused", async () => {
    await createNamed(page, "project", "Work");
    await nav.getByRole("button", { name: 'Edit project "Home"' }).click();
    const form = nav.getByRole("form", { name: 'Edit project "Home"' });
    await form.getByLabel("Name").fill("work");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("alert")).toContainText("already have a project with that name");
    await form.getByLabel("Name").fill("House");
    await form.getByRole("radio", { name: "Blue" }).check();
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form).toBeHidden();
    await expect(nav.getByRole("button", { name: "House", exact: true })).toBeVisible();
  });

  await test.step("archive: it moves under Archived and keeps its todos", async () => {
    await nav.getByRole("button", { name: 'Edit project "House"' }).click();
    const form = nav.getByRole("form", { name: 'Edit project "House"' });
    await form.getByRole("checkbox", { name: "Archived" }).check();
    await form.getByRole("button", { name: "Save" }).click();
    await nav.getByText("Archived (1)").click();
    await nav.getByRole("button", { name: "House", exact: true }).click();
    await expectTitles(page, ["Fix the tap"]);
  });

  await test.step("delete: its todos stay, without a project; Undo brings the project back", async () => {
    await nav.getByRole("button", { name: 'Edit project "House"' }).click();
    await nav
      .getByRole("form", { name: 'Edit project "House"' })
      .getByRole("button", { name: "Delete" })
      .click();
    const toast = page.getByRole("status").filter({ hasText: 'Deleted project "House"' });
    await expect(toast).toBeVisible();
    await expect(nav.getByRole("button", { name: "House", exact: true })).toBeHidden();
    await nav.getByRole("button", { name: "No project" }).click();
    await expectTitles(page, ["Fix the tap", "Loose end"]);
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByRole("status")).toContainText('Restored "House"');
    // Back as it was: archived.
    await nav.getByText("Archived (1)").click();
    await expect(nav.getByRole("button", { name: "House", exact: true })).toBeVisible();
  });
});
