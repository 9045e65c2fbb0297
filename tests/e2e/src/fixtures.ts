// Every client in these tests is 127.0.0.1, as the servers see the socket: nothing here claims
// another address (a client's X-Forwarded-For is ignored unless TRUSTED_PROXIES says otherwise).
// The servers are started with sign-in limits the suite cannot reach (playwright.config.ts);
// the limits themselves are tested in the topology suite, per address.
import { type APIRequestContext, test as base, expect } from "@playwright/test";

export const test = base.extend<{ apiClient: () => Promise<APIRequestContext> }>({
  /**
   * Every page a test opens fails the test if the browser refused anything under the web app's
   * Content-Security-Policy: a script without the response's nonce (Chromium reports each
   * refusal as a console error), so the policy and the scripts Next writes stay in step.
   */
  page: async ({ page }, use) => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
        refused.push(message.text());
    });
    await use(page);
    expect(refused, "the browser refused content under the CSP").toEqual([]);
  },
  /** Non-browser HTTP clients, each with its own cookies; disposed after the test. */
  apiClient: async ({ playwright }, use) => {
    const clients: APIRequestContext[] = [];
    await use(async () => {
      const client = await playwright.request.newContext();
      clients.push(client);
      return client;
    });
    for (const client of clients) await client.dispose();
  },
});

export { expect };
