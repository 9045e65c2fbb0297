import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { waitForLink } from "./mail";
import { currentRun } from "./run";

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** A user no other test (or earlier run on the same database server) has used. */
export function newUser(name: string): TestUser {
  const id = randomBytes(5).toString("hex");
  return {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, "-")}-${id}@example.test`,
    password: `correct-horse-${id}`,
  };
}

/**
 * Signs `user` up through Better Auth's HTTP API, as a non-browser client would, and confirms
 * the address with the mailed link, which signs in: the session cookie stays in `request`.
 * Better Auth refuses POSTs from origins it does not trust, so the request carries the web app's.
 */
export async function signUpThroughApi(request: APIRequestContext, user: TestUser): Promise<void> {
  const { webUrl } = currentRun();
  const response = await request.post(`${webUrl}/api/auth/sign-up/email`, {
    data: user,
    headers: { Origin: webUrl },
  });
  expect(response.status(), await response.text()).toBe(200);
  const confirmed = await request.get(await waitForLink(user.email, "Confirm your email address"));
  expect(confirmed.status(), await confirmed.text()).toBe(200);
}

/** Exchanges the session cookie in `request` for a JWT the API accepts. */
export async function getToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${currentRun().webUrl}/api/auth/token`);
  expect(response.status(), await response.text()).toBe(200);
  const { token } = (await response.json()) as { token: string };
  expect(token.split(".")).toHaveLength(3);
  return token;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
