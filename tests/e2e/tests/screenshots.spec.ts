import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../src/fixtures";
import { addTodo, expectTitles, signUp } from "../src/ui";
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
async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.join(testInfo.project.outputDir, "screenshots");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // No hover effects from wherever the last click left the mouse.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: file, animations: "disabled" });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

for (const [size, options] of Object.entries(viewports)) {
  test.describe(`on a ${size}`, () => {
    test.use(options);

    test(`screenshots of the sign-in page, the todo list and the account page (${size})`, async ({
      page,
    }, testInfo) => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await saveScreenshot(page, testInfo, `sign-in-${size}`);

      await signUp(page, newUser("Margaret"));
      await addTodo(page, "Buy milk");
      await addTodo(page, "Walk the dog", "Around the park, before it rains");
      await addTodo(page, "Write the quarterly report");
      await page.getByRole("checkbox", { name: "Buy milk", exact: true }).check();
      await expect(page.getByRole("checkbox", { name: "Buy milk", exact: true })).toBeChecked();
      await expectTitles(page, ["Write the quarterly report", "Walk the dog", "Buy milk"]);
      await saveScreenshot(page, testInfo, `todos-${size}`);

      await page.goto("/account");
      await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
      await saveScreenshot(page, testInfo, `account-${size}`);
    });
  });
}
