import { todoSchema } from "@repo/contracts/todo";
import { todoLabels, todos } from "@repo/db/schema";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type TestUser, useApi } from "../support/api";

const api = useApi();
const db = () => api.database.current.db;

const ROUNDS = 8;
const ATTACHES = 3;

async function post(owner: TestUser, path: string, json: unknown): Promise<{ id: string }> {
  const response = await api.call("POST", path, { token: owner.token, json });
  expect(response.status, path).toBe(201);
  return (await response.json()) as { id: string };
}

const patchTodo = (owner: TestUser, id: string, json: unknown) =>
  api.call("PATCH", `/api/v1/todos/${id}`, { token: owner.token, json });

/** What the database holds for the todo, links included, once every request has answered. */
async function stored(id: string) {
  const [row] = await db().select().from(todos).where(eq(todos.id, id));
  const links = await db().select().from(todoLabels).where(eq(todoLabels.todoId, id));
  return { projectId: row?.projectId, labelIds: links.map((link) => link.labelId) };
}

// Requests on both sides, sent together: attaching (PATCH, and a create that names the label)
// while the label or project is deleted. Whichever order the database puts them in, every
// request is answered (no 500), and no todo is left pointing at what was deleted.
describe("attaching a label or project while a request deletes it", () => {
  it("label: each attach is 200 or 422, the delete 204, and no todo keeps the deleted label", async () => {
    const alice = await api.createUser();
    const outcomes = new Map<number, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const label = await post(alice, "/api/v1/labels", { name: `race ${round}` });
      const todo = await post(alice, "/api/v1/todos", { title: `t${round}` });
      const [deleted, ...attaches] = await Promise.all([
        api.call("DELETE", `/api/v1/labels/${label.id}`, { token: alice.token }),
        ...Array.from({ length: ATTACHES }, () =>
          patchTodo(alice, todo.id, { labelIds: [label.id] }),
        ),
        api.call("POST", "/api/v1/todos", {
          token: alice.token,
          json: { title: `new ${round}`, labelIds: [label.id] },
        }),
      ]);
      expect(deleted?.status).toBe(204);
      for (const response of attaches) {
        expect([200, 201, 422], await response.clone().text()).toContain(response.status);
        outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
        if (response.status === 201) {
          const created = todoSchema.parse(await response.json());
          expect((await stored(created.id)).labelIds).toEqual([]);
        }
      }
      expect((await stored(todo.id)).labelIds).toEqual([]);
      const read = todoSchema.parse(
        await (await api.call("GET", `/api/v1/todos/${todo.id}`, { token: alice.token })).json(),
      );
      expect(read.labelIds).toEqual([]);
    }
    expect(await db().select().from(todoLabels)).toEqual([]);
    console.log("label race outcomes (status → count):", Object.fromEntries(outcomes));
  });

  it("project: each attach is 200 or 422, the delete 204, and no todo points at the deleted project", async () => {
    const alice = await api.createUser();
    const outcomes = new Map<number, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const project = await post(alice, "/api/v1/projects", { name: `race ${round}` });
      const todo = await post(alice, "/api/v1/todos", { title: `t${round}` });
      const [deleted, ...attaches] = await Promise.all([
        api.call("DELETE", `/api/v1/projects/${project.id}`, { token: alice.token }),
        ...Array.from({ length: ATTACHES }, () =>
          patchTodo(alice, todo.id, { projectId: project.id }),
        ),
        api.call("POST", "/api/v1/todos", {
          token: alice.token,
          json: { title: `new ${round}`, projectId: project.id },
        }),
      ]);
      expect(deleted?.status).toBe(204);
      for (const response of attaches) {
        expect([200, 201, 422], await response.clone().text()).toContain(response.status);
        outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
        if (response.status === 201) {
          const created = todoSchema.parse(await response.json());
          expect((await stored(created.id)).projectId).toBeNull();
        }
      }
      expect((await stored(todo.id)).projectId).toBeNull();
    }
    const attached = await db().select({ id: todos.id, projectId: todos.projectId }).from(todos);
    expect(attached.filter((row) => row.projectId !== null)).toEqual([]);
    console.log("project race outcomes (status → count):", Object.fromEntries(outcomes));
  });
});
