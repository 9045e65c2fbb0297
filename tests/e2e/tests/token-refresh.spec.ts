import type { Page, Request } from "@playwright/test";
import { expect, test } from "../src/fixtures";
import { currentRun } from "../src/run";
import { expiredCopyOf } from "../src/tokens";
import { addTodo, expectTitles, signUp } from "../src/ui";
import { newUser } from "../src/users";

/** Records every JWT the page gets from /api/auth/token, and every answer the API gives it. */
function watch(page: Page) {
  const { apiUrl, webUrl } = currentRun();
  const seen = {
    tokens: [] as string[],
    api: [] as { method: string; path: string; status: number; authorization?: string }[],
  };
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (url.origin === webUrl && url.pathname === "/api/auth/token" && response.ok())
      seen.tokens.push(((await response.json()) as { token: string }).token);
    if (url.origin === apiUrl && response.request().method() !== "OPTIONS")
      seen.api.push({
        method: response.request().method(),
        path: url.pathname,
        status: response.status(),
        authorization: (await response.request().headerValue("authorization")) ?? undefined,
      });
  });
  return seen;
}

const noErrorShown = async (page: Page) =>
  expect(
    page.getByRole("alert").filter({ hasText: /couldn't|could not|error|try again/i }),
  ).toHaveCount(0);

test("a token the API refuses as expired is replaced, and the request retried, without the user noticing", async ({
  page,
}) => {
  const { webUrl } = currentRun();
  const seen = watch(page);
  let expired: string | undefined;
  // The first token the page gets has already expired: signed with the real key, but its `exp`
  // lies five minutes in the past. What the page does with it is up to the page.
  await page.route(`${webUrl}/api/auth/token`, async (route) => {
    if (expired) return route.fallback();
    const response = await route.fetch();
    const { token } = (await response.json()) as { token: string };
    expired = await expiredCopyOf(token);
    await route.fulfill({ response, json: { token: expired } });
  });

  await signUp(page, newUser("Ada"));
  await addTodo(page, "Written with a fresh token");
  await noErrorShown(page);

  // The API refused the expired token, the page fetched another, and the retry succeeded.
  await expect(() => {
    expect(seen.tokens).toContain(expired);
    expect(seen.tokens.filter((token) => token !== expired).length).toBeGreaterThanOrEqual(1);
    const refused = seen.api.filter((r) => r.status === 401);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((r) => r.authorization === `Bearer ${expired}`)).toBe(true);
    expect(seen.api.filter((r) => r.authorization === `Bearer ${expired}`)).toEqual(refused);
    expect(seen.api.filter((r) => r.method === "POST" && r.status === 201)).toHaveLength(1);
  }).toPass({ timeout: 10_000 });

  await page.reload();
  await expectTitles(page, ["Written with a fresh token"]);
});

test("after the token's lifetime has passed, the next change still goes through with a new token", async ({
  page,
}) => {
  const { apiUrl, webUrl } = currentRun();
  const seen = watch(page);
  await page.clock.install();
  await signUp(page, newUser("Bob"));
  await addTodo(page, "Before the break");
  await expect.poll(() => seen.tokens.length).toBeGreaterThanOrEqual(1);
  const before = new Set(seen.tokens);

  // Sixteen minutes pass (the tokens live fifteen). The page's clock jumps; the API's cannot, so
  // it is shown what it would see then: a token from before the break, expired. (A token handed
  // out again after the break is new, even when it is byte for byte an earlier one: tokens issued
  // within the same second are identical.)
  const handedOutAfter: string[] = [];
  await page.route(`${webUrl}/api/auth/token`, async (route) => {
    const response = await route.fetch();
    handedOutAfter.push(((await response.json()) as { token: string }).token);
    await route.fulfill({ response });
  });
  await page.route(`${apiUrl}/**`, async (route, request: Request) => {
    const token = (await request.headerValue("authorization"))?.replace(/^Bearer /, "");
    if (!token || !before.has(token) || handedOutAfter.includes(token)) return route.fallback();
    const authorization = `Bearer ${await expiredCopyOf(token)}`;
    await route.fallback({ headers: { ...request.headers(), authorization } });
  });
  await page.clock.fastForward("16:00");

  await addTodo(page, "After the break");
  await noErrorShown(page);
  // A token handed out after the break carried the change.
  await expect(() => {
    expect(handedOutAfter.length).toBeGreaterThanOrEqual(1);
    const create = seen.api.filter((r) => r.method === "POST" && r.status === 201).at(-1);
    expect(handedOutAfter.map((token) => `Bearer ${token}`)).toContain(create?.authorization);
  }).toPass({ timeout: 10_000 });

  await page.reload();
  await expectTitles(page, ["After the break", "Before the break"]);
});
