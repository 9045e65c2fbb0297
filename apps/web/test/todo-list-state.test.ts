import type { Todo } from "@repo/api-client";
import { describe, expect, it } from "vitest";
import {
  initialListState,
  listParams,
  matchesView,
  type TodoListState,
  todoListReducer,
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
    expect(JSON.parse(JSON.stringify(listParams(view)))).toEqual(expected);
  });

  it("passes the cursor for the next page", () => {
    expect(listParams({ filter: "all", q: "" }, "next").cursor).toBe("next");
  });
});

describe("matchesView", () => {
  it("matches the title case-insensitively, as the API's q does", () => {
    expect(matchesView({ ...a, title: "Buy MILK" }, { filter: "all", q: "milk" })).toBe(true);
    expect(matchesView(a, { filter: "all", q: "milk" })).toBe(false);
  });

  it("honours the completed filter", () => {
    const done = { ...a, completed: true };
    expect(matchesView(done, { filter: "completed", q: "" })).toBe(true);
    expect(matchesView(done, { filter: "active", q: "" })).toBe(false);
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
    const state = todoListReducer(ready([a, c]), { type: "insert", todo: b });
    expect(state.items.map((t) => t.id)).toEqual(["a", "b", "c"]);
  });

  it("puts a new todo on top and replaces a copy already there", () => {
    const newest = todo("d", "2026-01-04T00:00:00.000Z");
    const once = todoListReducer(ready([a, b]), { type: "insert", todo: newest });
    const twice = todoListReducer(once, { type: "insert", todo: { ...newest, version: 2 } });
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
    state = todoListReducer(state, { type: "insert", todo: created });
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
