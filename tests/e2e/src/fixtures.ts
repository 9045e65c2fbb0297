// Every test acts as its own client, with an address of its own. Better Auth limits sign-ups
// and sign-ins per client address (3 in 10 s in production), and on one machine every test
// would otherwise be the same client, 127.0.0.1. Next passes a client's X-Forwarded-For on
// untouched, and Better Auth reads a single-valued one as the client's address.
import { randomBytes } from "node:crypto";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
} from "@playwright/test";
import { currentRun } from "./run";

/** A made-up client address (10.0.0.0/8, never routed anywhere). */
export function newClientAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${Math.max(1, c ?? 1)}`;
}

/** Sends this context's requests to Better Auth from an address of its own. */
export async function actAsOwnClient(context: BrowserContext): Promise<void> {
  const address = newClientAddress();
  await context.route(`${currentRun().webUrl}/api/auth/**`, (route) =>
    route.fallback({ headers: { ...route.request().headers(), "x-forwarded-for": address } }),
  );
}

/** A browser context acting as a client of its own (for tests with several users). */
export async function newClientContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await actAsOwnClient(context);
  return context;
}

export const test = base.extend<{ apiClient: () => Promise<APIRequestContext> }>({
  context: async ({ context }, use) => {
    await actAsOwnClient(context);
    await use(context);
  },
  /** Non-browser HTTP clients, each with its own cookies and address; disposed after the test. */
  apiClient: async ({ playwright }, use) => {
    const clients: APIRequestContext[] = [];
    await use(async () => {
      const client = await playwright.request.newContext({
        extraHTTPHeaders: { "X-Forwarded-For": newClientAddress() },
      });
      clients.push(client);
      return client;
    });
    for (const client of clients) await client.dispose();
  },
});

export { expect };
