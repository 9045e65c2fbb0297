import { requestDeviceCode } from "../src/device-login";
import { expect, test } from "../src/fixtures";
import { saveScreenshot, viewports } from "../src/screenshots";
import {
  addTodo,
  createApiKey,
  createNamed,
  editTodo,
  expectTitles,
  localDate,
  openApiKeys,
  projectNav,
  signUp,
  todoItem,
} from "../src/ui";
import { newUser } from "../src/users";

for (const [size, options] of Object.entries(viewports)) {
  test.describe(`on a ${size}`, () => {
    test.use(options);

    test(`screenshots of the sign-in page, the todo list with projects, labels, due dates and priorities, and the account page (${size})`, async ({
      page,
    }, testInfo) => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await saveScreenshot(page, testInfo, `sign-in-${size}`);

      await signUp(page, newUser("Margaret"));
      const phone = size === "phone";
      const openSidebar = async () => {
        if (phone) await page.getByRole("button", { name: /Projects & labels/ }).click();
      };
      await openSidebar();
      await createNamed(page, "project", "Home", "Green");
      await createNamed(page, "project", "Work", "Blue");
      await createNamed(page, "label", "errand", "Orange");
      await createNamed(page, "label", "deep work", "Indigo");
      const form = page.getByRole("form", { name: "New todo" });
      const add = async (title: string, due: number | null, priority: string, project: string) => {
        await form.getByLabel("Title").fill(title);
        if (due !== null) await form.getByLabel("Due date").fill(localDate(due));
        await form.getByLabel("Priority").selectOption({ label: priority });
        await form.getByLabel("Project").selectOption({ label: project });
        await form.getByRole("button", { name: "Add todo" }).click();
        await expect(todoItem(page, title)).toBeVisible();
      };
      await add("Buy milk", 0, "Normal", "Home");
      await addTodo(page, "Walk the dog", "Around the park, before it rains");
      await add("Renew the car insurance", -2, "Urgent", "Home");
      await add("Write the quarterly report", 3, "High", "Work");
      await add("Tidy the shared drive", null, "Low", "Work");
      await editTodo(page, "Buy milk", (edit) =>
        edit.getByRole("checkbox", { name: "errand" }).check(),
      );
      await editTodo(page, "Write the quarterly report", (edit) =>
        edit.getByRole("checkbox", { name: "deep work" }).check(),
      );
      await page.getByRole("checkbox", { name: "Walk the dog", exact: true }).check();
      await expect(page.getByRole("checkbox", { name: "Walk the dog", exact: true })).toBeChecked();
      await expectTitles(page, [
        "Tidy the shared drive",
        "Write the quarterly report",
        "Renew the car insurance",
        "Walk the dog",
        "Buy milk",
      ]);
      await page.reload();
      await expect(todoItem(page, "Buy milk")).toContainText("errand");
      await saveScreenshot(page, testInfo, `todos-${size}`, phone);

      await openSidebar();
      await projectNav(page).getByRole("button", { name: "Work", exact: true }).click();
      await page.getByRole("group", { name: "More filters" }).getByLabel("Sort").selectOption({
        label: "Priority",
      });
      await expectTitles(page, ["Write the quarterly report", "Tidy the shared drive"]);
      await openSidebar();
      await projectNav(page).getByRole("button", { name: 'Edit project "Work"' }).click();
      await saveScreenshot(page, testInfo, `project-${size}`, phone);
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: 'Edit "Write the quarterly report"' }).click();
      await saveScreenshot(page, testInfo, `edit-${size}`, phone);
      await page.keyboard.press("Escape");

      await page.goto("/account");
      await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
      await saveScreenshot(page, testInfo, `account-${size}`, true);
    });

    test(`screenshots of the API keys page (a new key, the list, revoking) and the device page (the code, the request) (${size})`, async ({
      page,
    }, testInfo) => {
      const user = newUser("Katherine");
      await signUp(page, user);
      await openApiKeys(page, user.name);
      await createApiKey(page, "Laptop backup", { expiry: "1 year", scopes: ["todos:read"] });
      await page.getByRole("button", { name: "I've saved it" }).click();
      await createApiKey(page, "Home automation", { scopes: ["todos:read", "todos:write"] });
      await saveScreenshot(page, testInfo, `api-key-created-${size}`, true);
      await page.getByRole("button", { name: "I've saved it" }).click();
      await saveScreenshot(page, testInfo, `api-keys-${size}`, true);
      await page.getByRole("button", { name: 'Revoke "Laptop backup"' }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await saveScreenshot(page, testInfo, `api-key-revoke-${size}`);
      await page.keyboard.press("Escape");

      const grant = await requestDeviceCode("todos:read todos:write");
      await page.goto(grant.verification_uri_complete);
      await expect(page.getByLabel("Code")).toHaveValue(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await saveScreenshot(page, testInfo, `device-code-${size}`);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
      await saveScreenshot(page, testInfo, `device-request-${size}`, true);
      await page.getByRole("button", { name: "Approve" }).click();
      await expect(page.getByRole("status")).toContainText("You can return to your terminal");
      await saveScreenshot(page, testInfo, `device-approved-${size}`);
    });
  });
}
