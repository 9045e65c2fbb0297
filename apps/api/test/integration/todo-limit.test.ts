import { testDriver } from "@repo/db/testing/vitest";
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { configuredApi } from "../support/configured-api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();

/** The API with a small per-user cap, in-process (the cap is configuration, not a request). */
const capped = (limit: number) => configuredApi({ ...api.deps(), todoLimitPerUser: limit });

async function liveTodos(call: ReturnType<typeof capped>, token: string): Promise<string[]> {
  const response = await call("GET", "/api/v1/todos?limit=100", token);
  expect(response.status).toBe(200);
  const page = (await response.json()) as { data: { title: string }[] };
  return page.data.map((todo) => todo.title).sort();
}

describe(`the per-user cap on live todos (driver: ${testDriver()})`, () => {
  it("refuses the (N+1)th create with 409 todo-limit-reached, counting only the caller's live todos", async () => {
    const call = capped(3);
    const ada = await api.createUser();
    const bob = await api.createUser();
    for (const title of ["a", "b", "c"]) {
      expect((await call("POST", "/api/v1/todos", ada.token, { json: { title } })).status).toBe(
        201,
      );
    }
    const refused = await call("POST", "/api/v1/todos", ada.token, { json: { title: "d" } });
    const problem = await expectProblem(refused, 409, "todo-limit-reached");
    expect(problem.detail).toMatch(/3 live todos/);
    expect(await liveTodos(call, ada.token)).toEqual(["a", "b", "c"]);
    // Another user's todos are not the caller's.
    expect((await call("POST", "/api/v1/todos", bob.token, { json: { title: "x" } })).status).toBe(
      201,
    );
    // A soft-deleted todo does not count.
    const list = await (await call("GET", "/api/v1/todos", ada.token)).json();
    const first = list.data[0] as { id: string };
    expect((await call("DELETE", `/api/v1/todos/${first.id}`, ada.token)).status).toBe(204);
    expect((await call("POST", "/api/v1/todos", ada.token, { json: { title: "d" } })).status).toBe(
      201,
    );
  });

  it("ends with exactly N live todos when parallel creates race for the last place", async () => {
    const call = capped(5);
    const ada = await api.createUser();
    for (let i = 0; i < 4; i++) {
      const created = await call("POST", "/api/v1/todos", ada.token, { json: { title: `t${i}` } });
      expect(created.status).toBe(201);
    }
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call("POST", "/api/v1/todos", ada.token, { json: { title: `race-${i}` } }).then(
          (response) => response.status,
        ),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    expect(await liveTodos(call, ada.token)).toHaveLength(5);
  });

  it("refuses a restore past the cap, but returns a live todo unchanged", async () => {
    const call = capped(2);
    const ada = await api.createUser();
    const create = async (title: string) =>
      (
        (await (await call("POST", "/api/v1/todos", ada.token, { json: { title } })).json()) as {
          id: string;
        }
      ).id;
    const a = await create("a");
    const b = await create("b");
    expect((await call("DELETE", `/api/v1/todos/${a}`, ada.token)).status).toBe(204);
    const c = await create("c");
    await expectProblem(
      await call("POST", `/api/v1/todos/${a}/restore`, ada.token),
      409,
      "todo-limit-reached",
    );
    expect(await liveTodos(call, ada.token)).toEqual(["b", "c"]);
    expect((await call("POST", `/api/v1/todos/${b}/restore`, ada.token)).status).toBe(200);
    expect((await call("DELETE", `/api/v1/todos/${c}`, ada.token)).status).toBe(204);
    expect((await call("POST", `/api/v1/todos/${a}/restore`, ada.token)).status).toBe(200);
    expect(await liveTodos(call, ada.token)).toEqual(["a", "b"]);
  });

  it("ends with exactly N live todos when parallel restores and creates race", async () => {
    const call = capped(3);
    const ada = await api.createUser();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await call("POST", "/api/v1/todos", ada.token, { json: { title: `d${i}` } });
      if (i === 3) expect(created.status).toBe(409);
      else ids.push(((await created.json()) as { id: string }).id);
    }
    for (const id of ids) await call("DELETE", `/api/v1/todos/${id}`, ada.token);
    const racers = [
      ...ids.map((id) => call("POST", `/api/v1/todos/${id}/restore`, ada.token)),
      ...[0, 1, 2].map((i) =>
        call("POST", "/api/v1/todos", ada.token, { json: { title: `n${i}` } }),
      ),
    ];
    const statuses = (await Promise.all(racers)).map((response) => response.status);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3);
    expect(await liveTodos(call, ada.token)).toHaveLength(3);
  });

  it("still answers an Idempotency-Key replay at the cap, and refuses a new key", async () => {
    const call = capped(1);
    const ada = await api.createUser();
    const first = await call("POST", "/api/v1/todos", ada.token, {
      json: { title: "once" },
      key: "key-1",
    });
    expect(first.status).toBe(201);
    const replay = await call("POST", "/api/v1/todos", ada.token, {
      json: { title: "once" },
      key: "key-1",
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    await expectProblem(
      await call("POST", "/api/v1/todos", ada.token, { json: { title: "twice" }, key: "key-2" }),
      409,
      "todo-limit-reached",
    );
  });
});
