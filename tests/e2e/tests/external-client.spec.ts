import { expect, test } from "../src/fixtures";
import { currentRun } from "../src/run";
import { bearer, getToken, newUser, signUpThroughApi } from "../src/users";

interface Todo {
  id: string;
  userId: string;
  title: string;
  description: string | null;
  completed: boolean;
  version: number;
}

test("an external client signs up, gets a JWT and manages its todos over HTTP; another user's todo is a 403", async ({
  apiClient,
}) => {
  const { apiUrl } = currentRun();
  const todos = `${apiUrl}/api/v1/todos`;
  const ada = await apiClient();
  const bob = await apiClient();

  await signUpThroughApi(ada, newUser("Ada"));
  const token = await getToken(ada);

  // Who the token says the caller is.
  const me = await ada.get(`${apiUrl}/api/v1/me`, { headers: bearer(token) });
  expect(me.status()).toBe(200);
  const { id: adaId } = (await me.json()) as { id: string };

  // Create.
  const created = await ada.post(todos, {
    headers: bearer(token),
    data: { title: "  Buy milk  ", description: "semi-skimmed" },
  });
  expect(created.status()).toBe(201);
  const todo = (await created.json()) as Todo;
  expect(todo).toMatchObject({
    title: "Buy milk",
    description: "semi-skimmed",
    completed: false,
    userId: adaId,
    version: 1,
  });
  expect(created.headers().location).toContain(todo.id);

  // List.
  const list = await ada.get(todos, { headers: bearer(token) });
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ data: [todo], nextCursor: null });

  // Get.
  const got = await ada.get(`${todos}/${todo.id}`, { headers: bearer(token) });
  expect(got.status()).toBe(200);
  expect(await got.json()).toEqual(todo);

  // Patch.
  const patched = await ada.patch(`${todos}/${todo.id}`, {
    headers: bearer(token),
    data: { completed: true },
  });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ id: todo.id, completed: true, version: 2 });

  // Another user's todo: 403 on every route, and never in their list.
  await signUpThroughApi(bob, newUser("Bob"));
  const bobToken = await getToken(bob);
  for (const [method, body] of [
    ["GET", undefined],
    ["PATCH", { title: "Mine now" }],
    ["DELETE", undefined],
  ] as const) {
    const response = await bob.fetch(`${todos}/${todo.id}`, {
      method,
      headers: bearer(bobToken),
      data: body,
    });
    expect(response.status(), `${method} of another user's todo`).toBe(403);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
  }
  const bobsList = await bob.get(todos, { headers: bearer(bobToken) });
  expect(await bobsList.json()).toEqual({ data: [], nextCursor: null });

  // Delete, after which the todo is gone.
  const deleted = await ada.delete(`${todos}/${todo.id}`, { headers: bearer(token) });
  expect(deleted.status()).toBe(204);
  expect((await ada.get(`${todos}/${todo.id}`, { headers: bearer(token) })).status()).toBe(404);
  expect(await (await ada.get(todos, { headers: bearer(token) })).json()).toEqual({
    data: [],
    nextCursor: null,
  });

  // Without a token there is nothing to see.
  const anonymous = await ada.get(todos);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toBe('Bearer realm="todo-api"');
});
