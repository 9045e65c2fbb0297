// Every client in these tests is 127.0.0.1, as the servers see the socket: nothing here claims
// another address (a client's X-Forwarded-For is ignored unless TRUSTED_PROXIES says otherwise).
// The servers are started with sign-in limits the suite cannot reach (playwright.config.ts);
// the limits themselves are tested in the topology suite, per address.
import { type APIRequestContext, test as base, expect } from "@playwright/test";

export const test = base.extend<{ apiClient: () => Promise<APIRequestContext> }>({
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
