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

/** What each side of the race names: the route that deletes it and the todo field that attaches it. */
const KINDS = [
  { kind: "label", route: "/api/v1/labels", attach: (id: string) => ({ labelIds: [id] }) },
  { kind: "project", route: "/api/v1/projects", attach: (id: string) => ({ projectId: id }) },
] as const;

/** Whether the stored todo still points at `id`, through its project or a label. */
const pointsAt = async (todoId: string, id: string) => {
  const { projectId, labelIds } = await stored(todoId);
  return projectId === id || labelIds.includes(id);
};

// Requests on both sides, sent together: attaching (PATCH, and a create that names it) while
// the label or project is deleted. Whichever order the database puts them in, every request
// is answered (no 500), and no todo is left pointing at what was deleted.
describe.each(KINDS)("attaching a $kind while a request deletes it", ({ kind, route, attach }) => {
  it(`answers each attach 200/201 or 422 and the delete 204; no todo keeps the deleted ${kind}`, async () => {
    const alice = await api.createUser();
    const outcomes = new Map<number, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const target = await post(alice, route, { name: `race ${round}` });
      const todo = await post(alice, "/api/v1/todos", { title: `t${round}` });
      const [deleted, ...attaches] = await Promise.all([
        api.call("DELETE", `${route}/${target.id}`, { token: alice.token }),
        ...Array.from({ length: ATTACHES }, () => patchTodo(alice, todo.id, attach(target.id))),
        api.call("POST", "/api/v1/todos", {
          token: alice.token,
          json: { title: `new ${round}`, ...attach(target.id) },
        }),
      ]);
      expect(deleted?.status).toBe(204);
      for (const response of attaches) {
        expect([200, 201, 422], await response.clone().text()).toContain(response.status);
        outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
        if (response.status === 201) {
          const created = todoSchema.parse(await response.json());
          expect(await pointsAt(created.id, target.id)).toBe(false);
        }
      }
      expect(await pointsAt(todo.id, target.id)).toBe(false);
    }
    const rows = await db().select({ projectId: todos.projectId }).from(todos);
    expect(rows.filter((row) => row.projectId !== null)).toEqual([]);
    expect(await db().select().from(todoLabels)).toEqual([]);
    console.log(`${kind} race outcomes (status → count):`, Object.fromEntries(outcomes));
  });
});
