import { expect } from "vitest";

/** A 403 that names nothing of what it guards: neither `secrets` (its text, its owner) appear. */
export async function expectForbidden(response: Response, method: string, secrets: string[]) {
  expect(response.status).toBe(403);
  if (method === "HEAD") return;
  const text = await response.text();
  for (const secret of secrets) expect(text).not.toContain(secret);
}
