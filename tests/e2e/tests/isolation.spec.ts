import { expect, test } from "../src/fixtures";
import { addTodo, expectTitles, signUp } from "../src/ui";
import { newUser } from "../src/users";

test("two users in two browsers never see each other's todos", async ({ browser }) => {
  const adaContext = await browser.newContext();
  const bobContext = await browser.newContext();
  try {
    const ada = await adaContext.newPage();
    const bob = await bobContext.newPage();

    await signUp(ada, newUser("Ada"));
    await signUp(bob, newUser("Bob"));

    await addTodo(ada, "Ada's secret plan");
    await addTodo(bob, "Bob's secret plan");
    await addTodo(ada, "Ada's second plan");

    for (const page of [ada, bob]) await page.reload();
    await expectTitles(ada, ["Ada's second plan", "Ada's secret plan"]);
    await expectTitles(bob, ["Bob's secret plan"]);

    // Searching for the other's words finds nothing either.
    await bob.getByRole("searchbox", { name: "Search todos" }).fill("Ada");
    await expect(bob.getByText("No matching todos")).toBeVisible();
    await ada.getByRole("searchbox", { name: "Search todos" }).fill("Bob");
    await expect(ada.getByText("No matching todos")).toBeVisible();
  } finally {
    await adaContext.close();
    await bobContext.close();
  }
});
