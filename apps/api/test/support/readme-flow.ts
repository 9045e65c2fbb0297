import { expect } from "vitest";

/**
 * The README's API steps over HTTP, as a client runs them: create "Buy milk" with the bearer
 * token (201), then list (200). Returns the new todo's id and the listed page for the caller's
 * own assertions.
 */
export async function createThenList(baseUrl: string, token: string) {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const created = await fetch(`${baseUrl}/api/v1/todos`, {
    method: "POST",
    headers,
    body: JSON.stringify({ title: "Buy milk" }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const listed = await fetch(`${baseUrl}/api/v1/todos`, { headers });
  expect(listed.status).toBe(200);
  const { data } = (await listed.json()) as { data: { id: string; title: string }[] };
  return { id, data };
}
