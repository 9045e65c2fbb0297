import { expect, test } from "../src/fixtures";
import { currentRun } from "../src/run";
import { expectTitles, signUp, todoList } from "../src/ui";
import { bearer, getToken, newUser } from "../src/users";

const title = (n: number) => `Todo ${String(n).padStart(2, "0")}`;

test("with 25 todos the list shows 20, and Load more brings the other 5", async ({ page }) => {
  await signUp(page, newUser("Linus"));

  // The browser's session cookie buys a JWT; the todos are created straight through the API.
  const token = await getToken(page.request);
  for (let n = 1; n <= 25; n++) {
    const created = await page.request.post(`${currentRun().apiUrl}/api/v1/todos`, {
      headers: bearer(token),
      data: { title: title(n) },
    });
    expect(created.status()).toBe(201);
  }

  await page.reload();
  const newestFirst = Array.from({ length: 25 }, (_, i) => title(25 - i));
  await expectTitles(page, newestFirst.slice(0, 20));
  const loadMore = page.getByRole("button", { name: "Load more" });
  await expect(loadMore).toBeVisible();

  await loadMore.click();
  await expectTitles(page, newestFirst);
  await expect(loadMore).toBeHidden();
  await expect(todoList(page).getByRole("listitem")).toHaveCount(25);
});
