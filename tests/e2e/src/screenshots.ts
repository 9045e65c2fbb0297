// Screenshots for people to look at: saved under test-results/screenshots/ and attached to the report.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

export const viewports = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
};

/** Attached to the report, and kept in test-results/screenshots/ to look at after the run. */
export async function saveScreenshot(
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
