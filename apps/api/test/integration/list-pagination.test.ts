import { PRIORITIES, type Todo, type TodoList, todoListSchema } from "@repo/contracts/todo";
import { labels, projects } from "@repo/db/schema";
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/pagination/cursor";
import { todoCursorScope } from "../../src/todos/list-scope";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();

async function createTodos(token: string, titles: string[]): Promise<Todo[]> {
  const created: Todo[] = [];
  for (const title of titles) {
    const response = await api.call("POST", "/api/v1/todos", { token, json: { title } });
    created.push(await response.json());
  }
  return created;
}

async function page(
  token: string,
  query: string,
): Promise<{ list: TodoList; link: string | null }> {
  const response = await api.call("GET", `/api/v1/todos${query}`, { token });
  expect(response.status).toBe(200);
  return { list: todoListSchema.parse(await response.json()), link: response.headers.get("link") };
}

/** Follows `nextCursor` to the end, running `between` after each page. */
async function walk(token: string, params: Record<string, string>, between?: () => Promise<void>) {
  const seen: Todo[] = [];
  let cursor: string | null = null;
  do {
    const search = new URLSearchParams(params);
    if (cursor) search.set("cursor", cursor);
    const { list } = await page(token, `?${search}`);
    seen.push(...list.data);
    cursor = list.nextCursor;
    await between?.();
  } while (cursor);
  return seen;
}

const rank = (todo: Todo) => PRIORITIES.indexOf(todo.priority);
// Undated last; within each, by id.
const byDue = (a: Todo, b: Todo) =>
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) ||
  (a.dueAt ?? "").localeCompare(b.dueAt ?? "") ||
  a.id.localeCompare(b.id);

const SORTS = {
  dueAt: byDue,
  priority: (a: Todo, b: Todo) => rank(a) - rank(b) || a.id.localeCompare(b.id),
  "-priority": (a: Todo, b: Todo) => rank(b) - rank(a) || b.id.localeCompare(a.id),
  "-createdAt": (a: Todo, b: Todo) =>
    b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  createdAt: (a: Todo, b: Todo) =>
    a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  "-updatedAt": (a: Todo, b: Todo) =>
    b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id),
  updatedAt: (a: Todo, b: Todo) =>
    a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id),
};

describe("GET /api/v1/todos pagination", () => {
  it("pages by limit with nextCursor and a Link to the next page; the last page has none", async () => {
    const alice = await api.createUser();
    const todos = await createTodos(alice.token, ["a", "b", "c", "d", "e"]);
    const first = await page(alice.token, "?limit=2");
    expect(first.list.data.map((t) => t.title)).toEqual(["e", "d"]);
    expect(first.list.nextCursor).toBeTypeOf("string");
    expect(first.link).toBe(
      `</api/v1/todos?limit=2&cursor=${encodeURIComponent(first.list.nextCursor ?? "")}>; rel="next"`,
    );
    const second = await page(alice.token, `?limit=2&cursor=${first.list.nextCursor}`);
    expect(second.list.data.map((t) => t.title)).toEqual(["c", "b"]);
    // A different limit may continue the same list.
    const last = await page(alice.token, `?limit=10&cursor=${second.list.nextCursor}`);
    expect(last.list.data.map((t) => t.id)).toEqual([todos[0]?.id]);
    expect(last.list.nextCursor).toBeNull();
    expect(last.link).toBeNull();
  });

  it("has no empty last page when the list divides evenly", async () => {
    const alice = await api.createUser();
    await createTodos(alice.token, ["a", "b", "c", "d"]);
    const first = await page(alice.token, "?limit=2");
    const second = await page(alice.token, `?limit=2&cursor=${first.list.nextCursor}`);
    expect(second.list.data).toHaveLength(2);
    expect(second.list.nextCursor).toBeNull();
  });

  it("filters by completed and by a case-insensitive title substring", async () => {
    const alice = await api.createUser();
    const [milk] = await createTodos(alice.token, ["Buy MILK", "buy bread", "Call mum"]);
    await api.call("PATCH", `/api/v1/todos/${milk?.id}`, {
      token: alice.token,
      json: { completed: true },
    });
    expect((await page(alice.token, "?q=buy")).list.data.map((t) => t.title)).toEqual([
      "buy bread",
      "Buy MILK",
    ]);
    expect((await page(alice.token, "?completed=true")).list.data.map((t) => t.title)).toEqual([
      "Buy MILK",
    ]);
    expect((await page(alice.token, "?completed=false&q=B")).list.data.map((t) => t.title)).toEqual(
      ["buy bread"],
    );
  });

  it.each([
    ["%", ["100% done"]],
    ["_", ["snake_case"]],
    ["\\", ["back\\slash"]],
    ["0%", ["100% done"]],
  ])("treats %s in q as itself, not a wildcard", async (q, expected) => {
    const alice = await api.createUser();
    await createTodos(alice.token, ["100% done", "snake_case", "back\\slash", "plain"]);
    const { list } = await page(alice.token, `?q=${encodeURIComponent(q)}`);
    expect(list.data.map((t) => t.title)).toEqual(expected);
  });

  it.each(Object.keys(SORTS) as (keyof typeof SORTS)[])(
    "walks every todo exactly once, in %s order, ties broken by id",
    async (sort) => {
      const alice = await api.createUser();
      const todos = await createTodos(
        alice.token,
        Array.from({ length: 13 }, (_, i) => `t${i}`),
      );
      const seen = await walk(alice.token, { sort, limit: "4" });
      expect(seen.map((t) => t.id)).toEqual([...todos].sort(SORTS[sort]).map((t) => t.id));
    },
  );

  it("walks every page exactly once while other requests create and update todos (createdAt sorts)", async () => {
    const alice = await api.createUser();
    const before = await createTodos(
      alice.token,
      Array.from({ length: 30 }, (_, i) => `t${i}`),
    );
    for (const sort of ["-createdAt", "createdAt"] as const) {
      let n = 0;
      const seen = await walk(alice.token, { sort, limit: "7" }, async () => {
        // Between pages: a new todo, and an update of an existing one.
        await createTodos(alice.token, [`new ${sort} ${n}`]);
        const target = before[(n * 7) % before.length];
        await api.call("PATCH", `/api/v1/todos/${target?.id}`, {
          token: alice.token,
          json: { title: `edited ${n++}` },
        });
      });
      const ids = seen.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length); // nothing twice
      for (const todo of before) expect(ids).toContain(todo.id); // nothing that existed is skipped
      expect(seen).toEqual([...seen].sort(SORTS[sort])); // in order
    }
  });

  it("keeps the updatedAt walks in order, and every todo not updated during the walk appears exactly once", async () => {
    const alice = await api.createUser();
    const before = await createTodos(
      alice.token,
      Array.from({ length: 20 }, (_, i) => `t${i}`),
    );
    for (const sort of ["-updatedAt", "updatedAt"] as const) {
      const updated = new Set<string>();
      let n = 0;
      const seen = await walk(alice.token, { sort, limit: "6" }, async () => {
        await createTodos(alice.token, [`new ${n}`]);
        const target = before[(n++ * 5) % before.length];
        if (!target) return;
        updated.add(target.id);
        await api.call("PATCH", `/api/v1/todos/${target.id}`, {
          token: alice.token,
          json: { completed: true },
        });
      });
      const ids = seen.map((t) => t.id);
      for (const todo of before.filter((t) => !updated.has(t.id)))
        expect(ids.filter((id) => id === todo.id)).toHaveLength(1);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]] as [Todo, Todo];
        expect(SORTS[sort](a, b)).toBeLessThan(0);
      }
    }
  });

  describe("the new sorts and filters", () => {
    const HOUR = 3_600_000;
    const base = Date.now();
    // A varied set: dates past and future (some shared, so ties go to the id), undated ones,
    // every priority, two projects and none, labels in several combinations, some completed.
    async function fixture(owner: { id: string; token: string }, count = 30) {
      const db = api.database.current.db;
      const projectIds = await db
        .insert(projects)
        .values([0, 1].map((i) => ({ userId: owner.id, name: `p${i}`, color: "gray" })))
        .returning({ id: projects.id });
      const labelIds = await db
        .insert(labels)
        .values([0, 1, 2].map((i) => ({ userId: owner.id, name: `l${i}`, color: "gray" })))
        .returning({ id: labels.id });
      const created: Todo[] = [];
      for (let i = 0; i < count; i++) {
        const response = await api.call("POST", "/api/v1/todos", {
          token: owner.token,
          json: {
            title: `t${i}`,
            completed: i % 5 === 0,
            dueAt: i % 3 === 2 ? null : new Date(base + ((i % 7) - 3) * HOUR).toISOString(),
            priority: PRIORITIES[i % 4],
            projectId: i % 3 === 0 ? null : projectIds[i % 2]?.id,
            labelIds: labelIds.filter((_, k) => (i >> k) & 1).map((l) => l.id),
          },
        });
        created.push(await response.json());
      }
      return {
        todos: created,
        projectIds: projectIds.map((p) => p.id),
        labelIds: labelIds.map((l) => l.id),
      };
    }

    it.each(["dueAt", "priority", "-priority"] as const)(
      "walks every todo exactly once in %s order, across the undated ones and ties",
      async (sort) => {
        const alice = await api.createUser();
        const { todos } = await fixture(alice);
        for (const limit of ["1", "4", "7"]) {
          const seen = await walk(alice.token, { sort, limit });
          expect(seen.map((t) => t.id)).toEqual([...todos].sort(SORTS[sort]).map((t) => t.id));
        }
      },
    );

    type Fixture = Awaited<ReturnType<typeof fixture>>;
    const filters: [
      string,
      (f: Fixture) => Record<string, string | string[]>,
      (t: Todo, f: Fixture) => boolean,
    ][] = [
      [
        "projectId",
        (f) => ({ projectId: f.projectIds[0] ?? "" }),
        (t, f) => t.projectId === f.projectIds[0],
      ],
      ["projectId=none", () => ({ projectId: "none" }), (t) => t.projectId === null],
      [
        "one labelId",
        (f) => ({ labelId: [f.labelIds[0] ?? ""] }),
        (t, f) => t.labelIds.includes(f.labelIds[0] ?? ""),
      ],
      [
        "two labelIds",
        (f) => ({ labelId: f.labelIds.slice(0, 2) }),
        (t, f) => f.labelIds.slice(0, 2).every((id) => t.labelIds.includes(id)),
      ],
      [
        "dueAfter and dueBefore",
        () => ({
          dueAfter: new Date(base - HOUR).toISOString(),
          dueBefore: new Date(base + 2 * HOUR).toISOString(),
        }),
        (t) =>
          t.dueAt !== null &&
          Date.parse(t.dueAt) >= base - HOUR &&
          Date.parse(t.dueAt) < base + 2 * HOUR,
      ],
      [
        "overdue=true",
        () => ({ overdue: "true" }),
        (t) => !t.completed && t.dueAt !== null && Date.parse(t.dueAt) < Date.now(),
      ],
      [
        "overdue=false",
        () => ({ overdue: "false" }),
        (t) => t.completed || t.dueAt === null || Date.parse(t.dueAt) >= Date.now(),
      ],
      ["priority=high", () => ({ priority: "high" }), (t) => t.priority === "high"],
      [
        "projectId, a label and completed=false",
        (f) => ({
          projectId: f.projectIds[1] ?? "",
          labelId: [f.labelIds[2] ?? ""],
          completed: "false",
        }),
        (t, f) =>
          t.projectId === f.projectIds[1] &&
          t.labelIds.includes(f.labelIds[2] ?? "") &&
          !t.completed,
      ],
    ];
    const combos = filters.flatMap(([name, params, keep]) =>
      (["-createdAt", "dueAt", "-priority"] as const).map(
        (sort) => [name, sort, params, keep] as const,
      ),
    );

    it.each(combos)(
      "filtered by %s, sorted by %s: walks exactly the matching todos once, while todos are created",
      async (_, sort, params, keep) => {
        const alice = await api.createUser();
        const f = await fixture(alice, 24);
        const search = (cursor: string | null) => {
          const query = new URLSearchParams({ sort, limit: "3" });
          for (const [name, value] of Object.entries(params(f)))
            for (const v of [value].flat()) query.append(name, v);
          if (cursor) query.set("cursor", cursor);
          return query;
        };
        const seen: Todo[] = [];
        let cursor: string | null = null;
        let n = 0;
        do {
          const { list } = await page(alice.token, `?${search(cursor)}`);
          seen.push(...list.data);
          cursor = list.nextCursor;
          // Between pages, a new todo that matches no filter here but lands everywhere in the order.
          await api.call("POST", "/api/v1/todos", {
            token: alice.token,
            json: { title: `new ${n++}`, completed: true, priority: "low" },
          });
        } while (cursor);
        const expected = f.todos.filter((t) => keep(t, f)).sort(SORTS[sort]);
        expect(expected.length).toBeGreaterThan(0);
        // Todos created during the walk may or may not appear (where they land in the order),
        // but never twice; every todo that was there appears exactly once, in order.
        const ids = seen.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        const before = seen.filter((t) => !t.title.startsWith("new "));
        expect(before.map((t) => t.id)).toEqual(expected.map((t) => t.id));
      },
    );
  });

  describe("bad parameters", () => {
    it.each([
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=abc", "limit"],
      ["limit=1.5", "limit"],
      ["limit=", "limit"],
      ["completed=yes", "completed"],
      ["completed=", "completed"],
      ["sort=title", "sort"],
      ["q=", "q"],
      [`q=${"x".repeat(101)}`, "q"],
      ["cursor=", "cursor"],
      ["cursor=garbage", "cursor"],
      ["limit=1&limit=2", "limit"],
      ["sort=-dueAt", "sort"],
      ["projectId=inbox", "projectId"],
      ["projectId=", "projectId"],
      ["labelId=x", "labelId.0"],
      [`${"labelId=01a23005-f7bc-7696-9f2d-99bca01604fc&".repeat(21)}limit=1`, "labelId"],
      ["dueAfter=2026-12-01", "dueAfter"],
      ["dueBefore=tomorrow", "dueBefore"],
      ["overdue=1", "overdue"],
      ["priority=4", "priority"],
      ["page=2", "page"],
    ])("?%s is a 422 naming %s", async (query, path) => {
      const alice = await api.createUser();
      const response = await api.call("GET", `/api/v1/todos?${query}`, { token: alice.token });
      const problem = await expectProblem(response, 422, "validation-error");
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    });

    it("accepts only a cursor exactly as issued: no impossible date, extra member or stray character", async () => {
      const alice = await api.createUser();
      await createTodos(alice.token, ["a", "b", "c"]);
      const { list } = await page(alice.token, "?limit=1");
      const cursor = list.nextCursor ?? "";
      const scope = todoCursorScope({
        userId: alice.id,
        sort: "-createdAt",
        completed: undefined,
        q: undefined,
        projectId: undefined,
        labelIds: undefined,
        dueAfter: undefined,
        dueBefore: undefined,
        overdue: undefined,
        priority: undefined,
      });
      const id = "01a23005-f7bc-7696-9f2d-99bca01604fc";
      const payload = JSON.parse(Buffer.from(cursor, "base64url").toString());
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

      const attempts = [
        // A valid checksum over an impossible timestamp (was a 500: PostgreSQL refused the date).
        encodeCursor(scope, { value: "2024-13-45T99:99:99.999Z", id }),
        encodeCursor(scope, { value: "2024-02-30T10:00:00.000Z", id }),
        `${cursor}A`,
        `${cursor}=`,
        `${cursor}.`,
        encode({ ...payload, x: 1 }),
        encode({ c: payload.c, p: payload.p }),
      ];
      for (const attempt of attempts) {
        const response = await api.call(
          "GET",
          `/api/v1/todos?limit=1&cursor=${encodeURIComponent(attempt)}`,
          {
            token: alice.token,
          },
        );
        const problem = await expectProblem(response, 422, "validation-error");
        expect(problem.errors, attempt).toEqual([
          { path: "cursor", message: "is not valid for this list" },
        ]);
      }
      // The cursor as issued still works.
      const next = await api.call("GET", `/api/v1/todos?limit=1&cursor=${cursor}`, {
        token: alice.token,
      });
      expect(next.status).toBe(200);
    });

    it("refuses a tampered cursor, and a cursor issued for another list or another user", async () => {
      const alice = await api.createUser();
      const bob = await api.createUser();
      await createTodos(alice.token, ["a", "b", "c"]);
      await createTodos(bob.token, ["x", "y", "z"]);
      const { list } = await page(alice.token, "?limit=1");
      const cursor = list.nextCursor ?? "";
      const payload = JSON.parse(Buffer.from(cursor, "base64url").toString());
      payload.p[1] = "00000000-0000-7000-8000-000000000000";
      const tampered = Buffer.from(JSON.stringify(payload)).toString("base64url");

      const attempts: [string, string][] = [
        [alice.token, `?limit=1&cursor=${tampered}`],
        [alice.token, `?limit=1&sort=createdAt&cursor=${cursor}`],
        [alice.token, `?limit=1&completed=false&cursor=${cursor}`],
        [alice.token, `?limit=1&q=a&cursor=${cursor}`],
        [bob.token, `?limit=1&cursor=${cursor}`],
      ];
      for (const [token, query] of attempts) {
        const response = await api.call("GET", `/api/v1/todos${query}`, { token });
        const problem = await expectProblem(response, 422, "validation-error");
        expect(problem.errors).toEqual([{ path: "cursor", message: "is not valid for this list" }]);
      }
    });
  });
});
