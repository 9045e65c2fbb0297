// The web app as docs/web-ui-contract.md describes it: roles and accessible names only.
import { expect, type Locator, type Page } from "@playwright/test";
import { waitForLink } from "./mail";
import type { TestUser } from "./users";

/**
 * Fills and sends the sign-up form of the page already on /sign-up, then opens the link the
 * confirmation mail brought, which signs in; lands on /todos.
 */
export async function submitSignUp(page: Page, user: TestUser): Promise<void> {
  await sendSignUpForm(page, user);
  await page.goto(await waitForLink(user.email, "Confirm your email address"));
  await expect(page).toHaveURL(/\/todos$/);
}

export async function signUp(page: Page, user: TestUser): Promise<void> {
  await page.goto("/sign-up");
  await submitSignUp(page, user);
  await expect(todoList(page).or(page.getByText("No todos yet"))).toBeVisible();
}

/** Fills and sends the sign-up form of the page already on /sign-up; the page asks to check the mail. */
export async function sendSignUpForm(page: Page, user: TestUser): Promise<void> {
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email");
}

/** Fills and sends the sign-in form of the page already on /sign-in, whatever the answer. */
export async function sendSignInForm(page: Page, user: TestUser): Promise<void> {
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A sign-in from the page already on /sign-in that is refused with an alert saying `text`. */
export async function expectSignInRefused(page: Page, user: TestUser, text: string): Promise<void> {
  await sendSignInForm(page, user);
  await expect(alerts(page).filter({ hasText: text })).toBeVisible();
}

export async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.goto("/sign-in");
  await sendSignInForm(page, user);
  await expect(page).toHaveURL(/\/todos$/);
}

export const todoList = (page: Page): Locator => page.getByRole("list", { name: "Todos" });

/** The list item whose checkbox is named `title`. */
export const todoItem = (page: Page, title: string): Locator =>
  todoList(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("checkbox", { name: title, exact: true }) });

export async function addTodo(page: Page, title: string, description?: string): Promise<void> {
  const form = page.getByRole("form", { name: "New todo" });
  await form.getByLabel("Title").fill(title);
  if (description !== undefined) await form.getByLabel("Description (optional)").fill(description);
  await form.getByRole("button", { name: "Add todo" }).click();
  await expect(todoItem(page, title)).toBeVisible();
  // The form is ready for the next one.
  await expect(form.getByLabel("Title")).toHaveValue("");
}

/** The titles in the list, top to bottom (each checkbox is named by its todo's title). */
export async function expectTitles(page: Page, titles: string[]): Promise<void> {
  const checkboxes = todoList(page).getByRole("checkbox");
  await expect(checkboxes).toHaveCount(titles.length);
  for (const [i, title] of titles.entries())
    await expect(checkboxes.nth(i)).toHaveAccessibleName(title);
}

/** The alerts the page shows (contract: errors are role `alert`). */
export const alerts = (page: Page): Locator => page.getByRole("alert");

/** The sidebar's project navigation (docs/web-ui-contract.md, "Projects and labels"). */
export const projectNav = (page: Page): Locator =>
  page.getByRole("navigation", { name: "Projects" });
/** The sidebar's labels. */
export const labelSection = (page: Page): Locator => page.getByRole("region", { name: "Labels" });

/** Creates a project (or, with `kind` "label", a label) from the sidebar, in `color`. */
export async function createNamed(
  page: Page,
  kind: "project" | "label",
  name: string,
  color = "Gray",
): Promise<void> {
  const section = kind === "project" ? projectNav(page) : labelSection(page);
  await section.getByRole("button", { name: `New ${kind}` }).click();
  const form = section.getByRole("form", { name: `New ${kind}` });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("radio", { name: color }).check();
  await form.getByRole("button", { name: `Add ${kind}` }).click();
  await expect(form).toBeHidden();
  await expect(section.getByRole("button", { name, exact: true })).toBeVisible();
}

/** Opens a todo's edit form, lets `change` fill it, and saves. */
export async function editTodo(
  page: Page,
  title: string,
  change: (form: Locator) => Promise<unknown>,
): Promise<void> {
  await page.getByRole("button", { name: `Edit "${title}"` }).click();
  const form = page.getByRole("form", { name: `Edit "${title}"` });
  await change(form);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();
}

/** `YYYY-MM-DD` of the local day `days` from today (what a date input takes). */
export function localDate(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** From anywhere signed in: the account page (the user's name in the header), then its API keys link. */
export async function openApiKeys(page: Page, userName: string): Promise<void> {
  await page.getByRole("link", { name: userName }).click();
  await page.getByRole("link", { name: "Manage API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
}

export const apiKeyList = (page: Page): Locator => page.getByRole("list", { name: "API keys" });

/** The list item of the key named `name`. */
export const apiKeyItem = (page: Page, name: string): Locator =>
  apiKeyList(page).getByRole("listitem").filter({ hasText: name });

/**
 * Creates a key from the form of the page already on /account/api-keys and returns it, read
 * from the field that shows it once (the field stays until the test dismisses it).
 */
export async function createApiKey(
  page: Page,
  name: string,
  { expiry = "30 days", scopes }: { expiry?: string; scopes: ("todos:read" | "todos:write")[] },
): Promise<string> {
  const form = page.getByRole("form", { name: "New API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Expires after").selectOption({ label: expiry });
  for (const scope of ["todos:read", "todos:write"] as const)
    await form.getByRole("checkbox", { name: scope }).setChecked(scopes.includes(scope));
  await form.getByRole("button", { name: "Create key" }).click();
  const field = page.getByRole("textbox", { name: `API key "${name}"` });
  await expect(field).toBeVisible();
  return field.inputValue();
}
