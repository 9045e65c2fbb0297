import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../src/fixtures";
import {
  addTodo,
  createNamed,
  editTodo,
  expectTitles,
  localDate,
  projectNav,
  signUp,
  todoItem,
} from "../src/ui";
import { newUser } from "../src/users";

const viewports = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
};

/** Attached to the report, and kept in test-results/screenshots/ to look at after the run. */
async function saveScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  fullPage = false,
): Promise<void> {
  const dir = path.join(testInfo.project.outputDir, "screenshots");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // No hover effects from wherever the last click left the mouse.
  await page.mouse.move(0, 0);
  // From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, animations: "disabled", fullPage });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

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
  });
}
