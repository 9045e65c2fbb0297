import { readFile } from "node:fs/promises";
import { expect, test } from "../src/fixtures";
import { addTodo, createNamed, signUp } from "../src/ui";
import { newUser } from "../src/users";

test("the account page downloads everything the user owns as one JSON file, deleted todos included", async ({
  page,
}) => {
  const user = newUser("Radia");
  await signUp(page, user);
  await createNamed(page, "project", "Garden", "Green");
  await addTodo(page, "Plant bulbs");
  await addTodo(page, "Gone soon");
  await page.getByRole("button", { name: 'Delete "Gone soon"' }).click();
  await expect(page.getByRole("status").filter({ hasText: 'Deleted "Gone soon"' })).toBeVisible();

  await page.getByRole("link", { name: user.name }).click();
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download your data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^todo-export-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByRole("status")).toContainText(
    "Downloaded 2 todos, 1 project and 0 labels",
  );
  const data = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(data.user).toMatchObject({ email: user.email, name: user.name });
  expect(data.projects.map((p: { name: string }) => p.name)).toEqual(["Garden"]);
  const todos = data.todos as { title: string; deletedAt: string | null }[];
  expect(todos.map((t) => [t.title, t.deletedAt === null]).sort()).toEqual([
    ["Gone soon", false],
    ["Plant bulbs", true],
  ]);
});
