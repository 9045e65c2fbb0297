import type { Todo } from "@repo/api-client";
import { describe, expect, it } from "vitest";
import {
  compareTodos,
  defaultView,
  initialListState,
  listParams,
  matchesView,
  type TodoListState,
  todoListReducer,
  type View,
} from "@/components/todos/todo-list-state";

const todo = (id: string, createdAt: string, extra: Partial<Todo> = {}): Todo => ({
  id,
  userId: "u",
  title: `Todo ${id}`,
  description: null,
  completed: false,
  completedAt: null,
  dueAt: null,
  priority: "normal",
  projectId: null,
  labelIds: [],
  createdAt,
  updatedAt: createdAt,
  version: 1,
  ...extra,
});

const a = todo("a", "2026-01-03T00:00:00.000Z");
const b = todo("b", "2026-01-02T00:00:00.000Z");
const c = todo("c", "2026-01-01T00:00:00.000Z");
const v = (view: Partial<View>): View => ({ ...defaultView, ...view });
const ready = (items: Todo[], nextCursor: string | null = null): TodoListState => ({
  ...initialListState,
  items,
  nextCursor,
  status: "ready",
});

describe("listParams", () => {
  it.each([
    [{ filter: "all", q: "" }, {}],
    [{ filter: "active", q: "" }, { completed: false }],
    [
      { filter: "completed", q: "milk" },
      { completed: true, q: "milk" },
    ],
  ] as const)("maps %o to the query the API expects", (view, expected) => {
    expect(JSON.parse(JSON.stringify(listParams({ ...defaultView, ...view })))).toEqual(expected);
  });

  it("passes the cursor for the next page", () => {
    expect(listParams(defaultView, "next").cursor).toBe("next");
  });
});

describe("matchesView", () => {
  it("matches the title case-insensitively, as the API's q does", () => {
    expect(matchesView({ ...a, title: "Buy MILK" }, v({ filter: "all", q: "milk" }))).toBe(true);
    expect(matchesView(a, v({ filter: "all", q: "milk" }))).toBe(false);
  });

  it("honours the completed filter", () => {
    const done = { ...a, completed: true };
    expect(matchesView(done, v({ filter: "completed", q: "" }))).toBe(true);
    expect(matchesView(done, v({ filter: "active", q: "" }))).toBe(false);
  });
});

const P = "0193b6d0-1c2b-7d3e-8f4a-5b6c7d8e9f00";
const L1 = "0193b6d1-0000-7000-8000-000000000001";
const L2 = "0193b6d1-0000-7000-8000-000000000002";
// Noon, local time, on 10 March 2026: "today" runs from local midnight to the next.
const NOON = new Date(2026, 2, 10, 12).getTime();
const at = (day: number, hour: number) => new Date(2026, 2, day, hour).toISOString();

describe("listParams with the project, label, priority and due filters and a sort", () => {
  it("sends each choice as the API names it", () => {
    const params = listParams(
      v({ projectId: P, labelIds: [L1, L2], priority: "high", sort: "dueAt", now: NOON }),
    );
    expect(params).toMatchObject({
      projectId: P,
      labelId: [L1, L2],
      priority: "high",
      sort: "dueAt",
    });
  });

  it("sends projectId=none for the todos in no project, and no sort for the default", () => {
    const params = listParams(v({ projectId: "none" }));
    expect(params.projectId).toBe("none");
    expect(params.sort).toBeUndefined();
    expect(params.labelId).toBeUndefined();
  });

  it("maps Overdue to overdue=true, and Today and Next 7 days to local-day bounds", () => {
    expect(listParams(v({ due: "overdue", now: NOON }))).toMatchObject({ overdue: true });
    expect(listParams(v({ due: "today", now: NOON }))).toMatchObject({
      dueAfter: new Date(2026, 2, 10).toISOString(),
      dueBefore: new Date(2026, 2, 11).toISOString(),
    });
    expect(listParams(v({ due: "week", now: NOON })).dueBefore).toBe(
      new Date(2026, 2, 17).toISOString(),
    );
  });
});

describe("matchesView with the new filters", () => {
  const inP = { ...a, projectId: P, labelIds: [L1, L2], priority: "high" as const };

  it.each([
    ["the project", v({ projectId: P }), inP, true],
    ["another project", v({ projectId: L1 }), inP, false],
    ["no project, for a todo in one", v({ projectId: "none" }), inP, false],
    ["no project, for a todo in none", v({ projectId: "none" }), a, true],
    ["all of the labels", v({ labelIds: [L2, L1] }), inP, true],
    ["a label it lacks", v({ labelIds: [L1] }), a, false],
    ["its priority", v({ priority: "high" }), inP, true],
    ["another priority", v({ priority: "urgent" }), inP, false],
  ] as const)("filtering by %s: %#", (_, view, item, expected) => {
    expect(matchesView(item, view)).toBe(expected);
  });

  it("counts as overdue only an open todo whose due time has passed", () => {
    const view = v({ due: "overdue", now: NOON });
    expect(matchesView({ ...a, dueAt: at(10, 9) }, view)).toBe(true);
    expect(matchesView({ ...a, dueAt: at(10, 15) }, view)).toBe(false);
    expect(matchesView({ ...a, dueAt: at(9, 9), completed: true }, view)).toBe(false);
    expect(matchesView(a, view)).toBe(false);
  });

  it("takes Today as the whole local day, and never an undated todo", () => {
    const view = v({ due: "today", now: NOON });
    expect(matchesView({ ...a, dueAt: at(10, 0) }, view)).toBe(true);
    expect(matchesView({ ...a, dueAt: at(10, 23) }, view)).toBe(true);
    expect(matchesView({ ...a, dueAt: at(11, 0) }, view)).toBe(false);
    expect(matchesView(a, view)).toBe(false);
  });
});

describe("compareTodos and inserting under a sort", () => {
  const soon = todo("1", "2026-01-01T00:00:00.000Z", { dueAt: at(11, 9), priority: "low" });
  const later = todo("2", "2026-01-02T00:00:00.000Z", { dueAt: at(12, 9), priority: "urgent" });
  const undated = todo("3", "2026-01-03T00:00:00.000Z", { priority: "high" });

  it("puts the soonest first and undated todos last for dueAt", () => {
    expect([undated, later, soon].sort((x, y) => compareTodos("dueAt", x, y))).toEqual([
      soon,
      later,
      undated,
    ]);
  });

  it("orders urgent first for -priority and low first for priority, ties by id", () => {
    const tie = todo("4", "2026-01-04T00:00:00.000Z", { priority: "urgent" });
    const items = [soon, later, undated, tie];
    expect([...items].sort((x, y) => compareTodos("-priority", x, y)).map((t) => t.id)).toEqual([
      "4",
      "2",
      "3",
      "1",
    ]);
    expect([...items].sort((x, y) => compareTodos("priority", x, y)).map((t) => t.id)).toEqual([
      "1",
      "3",
      "2",
      "4",
    ]);
  });

  it("inserts a new todo in its place under the view's sort, not on top", () => {
    const middle = todo("5", "2026-01-05T00:00:00.000Z", { dueAt: at(11, 12) });
    const state = todoListReducer(ready([soon, later, undated]), {
      type: "insert",
      todo: middle,
      sort: "dueAt",
    });
    expect(state.items.map((t) => t.id)).toEqual(["1", "5", "2", "3"]);
  });
});

describe("todoListReducer", () => {
  it("appends a next page without duplicating todos already shown", () => {
    const state = todoListReducer(ready([a, b], "cursor"), {
      type: "loaded",
      page: { data: [b, c], nextCursor: null },
      append: true,
    });
    expect(state.items.map((t) => t.id)).toEqual(["a", "b", "c"]);
    expect(state.nextCursor).toBeNull();
  });

  it("inserts a todo in newest-first order (a restored one goes back where it was)", () => {
    const state = todoListReducer(ready([a, c]), { type: "insert", todo: b, sort: "-createdAt" });
    expect(state.items.map((t) => t.id)).toEqual(["a", "b", "c"]);
  });

  it("puts a new todo on top and replaces a copy already there", () => {
    const newest = todo("d", "2026-01-04T00:00:00.000Z");
    const once = todoListReducer(ready([a, b]), {
      type: "insert",
      todo: newest,
      sort: "-createdAt",
    });
    const twice = todoListReducer(once, {
      type: "insert",
      todo: { ...newest, version: 2 },
      sort: "-createdAt",
    });
    expect(twice.items.map((t) => [t.id, t.version])).toEqual([
      ["d", 2],
      ["a", 1],
      ["b", 1],
    ]);
  });

  it("keeps the todos on screen while a load runs, and drops them when it fails", () => {
    const loading = todoListReducer(ready([a]), { type: "load" });
    expect(loading).toMatchObject({ status: "loading", items: [a] });
    const failed = todoListReducer(loading, { type: "failed", message: "Couldn't load" });
    expect(failed).toMatchObject({ status: "error", items: [], error: "Couldn't load" });
  });

  it("keeps the list when only loading more failed", () => {
    const more = todoListReducer(ready([a], "cursor"), { type: "load-more" });
    const failed = todoListReducer(more, { type: "load-more-failed" });
    expect(failed).toMatchObject({ status: "ready", items: [a], loadingMore: false });
  });
});

describe("todoListReducer while a page loads", () => {
  it("applies changes made meanwhile on top of the page, which may predate them", () => {
    const created = todo("d", "2026-01-04T00:00:00.000Z");
    let state = todoListReducer(ready([]), { type: "load" });
    state = todoListReducer(state, { type: "insert", todo: created, sort: "-createdAt" });
    state = todoListReducer(state, { type: "remove", id: "b" });
    state = todoListReducer(state, { type: "upsert", todo: { ...a, completed: true } });
    state = todoListReducer(state, {
      type: "loaded",
      page: { data: [a, b, c], nextCursor: null },
      append: false,
    });
    expect(state.items.map((t) => [t.id, t.completed])).toEqual([
      ["d", false],
      ["a", true],
      ["c", false],
    ]);
    expect(state.changesWhileLoading).toEqual([]);
  });

  it("forgets changes once nothing is loading", () => {
    const state = todoListReducer(ready([a]), { type: "remove", id: "a" });
    expect(state.changesWhileLoading).toEqual([]);
  });
});
