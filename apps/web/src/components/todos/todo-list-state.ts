import type { Todo, TodoList, TodoListParams } from "@repo/api-client";

export type Filter = "all" | "active" | "completed";

/** The list the user is looking at: its filter and (debounced, trimmed) search. */
export interface View {
  filter: Filter;
  q: string;
}

/** A change made on this page (a create, a write, a delete, an undo). */
export type LocalChange =
  | { type: "upsert"; todo: Todo }
  | { type: "insert"; todo: Todo }
  | { type: "remove"; id: string };

export interface TodoListState {
  items: Todo[];
  /**
   * Local changes made while a page was loading: the page may have been read before them, so
   * they are applied again on top of it (a todo added during the first load must not vanish).
   */
  changesWhileLoading: LocalChange[];
  nextCursor: string | null;
  status: "loading" | "ready" | "error";
  /** Why the list could not be loaded (status "error"). */
  error: string | null;
  loadingMore: boolean;
}

export type TodoListAction =
  | { type: "load" }
  | { type: "loaded"; page: TodoList; append: boolean }
  | { type: "failed"; message: string }
  | { type: "load-more" }
  | { type: "load-more-failed" }
  | LocalChange;

export const initialListState: TodoListState = {
  items: [],
  changesWhileLoading: [],
  nextCursor: null,
  status: "loading",
  error: null,
  loadingMore: false,
};

/** GET /todos parameters for a view (the API's default sort: newest first). */
export function listParams({ filter, q }: View, cursor?: string | null): TodoListParams {
  return {
    completed: filter === "all" ? undefined : filter === "completed",
    q: q === "" ? undefined : q,
    cursor: cursor ?? undefined,
  };
}

/** Whether a todo belongs in a view, with the API's rule for `q` (case-insensitive substring). */
export function matchesView(todo: Todo, { filter, q }: View): boolean {
  if (filter !== "all" && todo.completed !== (filter === "completed")) return false;
  return todo.title.toLowerCase().includes(q.toLowerCase());
}

// Newest first, ties broken by id: the order of GET /todos with its default sort.
const newerThan = (a: Todo, b: Todo) =>
  a.createdAt === b.createdAt ? a.id > b.id : a.createdAt > b.createdAt;

/** `todo` in its sorted place (a copy of it already there is replaced). */
function insertSorted(items: Todo[], todo: Todo): Todo[] {
  const rest = items.filter((item) => item.id !== todo.id);
  const index = rest.findIndex((item) => newerThan(todo, item));
  return index === -1 ? [...rest, todo] : [...rest.slice(0, index), todo, ...rest.slice(index)];
}

function apply(items: Todo[], change: LocalChange): Todo[] {
  switch (change.type) {
    case "upsert":
      return items.map((todo) => (todo.id === change.todo.id ? change.todo : todo));
    case "insert":
      return insertSorted(items, change.todo);
    case "remove":
      return items.filter((todo) => todo.id !== change.id);
  }
}

export function todoListReducer(state: TodoListState, action: TodoListAction): TodoListState {
  switch (action.type) {
    case "load":
      // The previous items stay on screen (dimmed) until the new page arrives.
      return { ...state, status: "loading", loadingMore: false, changesWhileLoading: [] };
    case "loaded": {
      if (!action.append) {
        return {
          ...initialListState,
          items: state.changesWhileLoading.reduce(apply, action.page.data),
          nextCursor: action.page.nextCursor,
          status: "ready",
        };
      }
      const seen = new Set(state.items.map((todo) => todo.id));
      const fresh = action.page.data.filter((todo) => !seen.has(todo.id));
      return {
        ...state,
        items: [...state.items, ...fresh],
        nextCursor: action.page.nextCursor,
        loadingMore: false,
      };
    }
    case "failed":
      return { ...initialListState, status: "error", error: action.message };
    case "load-more":
      return { ...state, loadingMore: true };
    case "load-more-failed":
      return { ...state, loadingMore: false };
    case "upsert":
    case "insert":
    case "remove":
      return {
        ...state,
        items: apply(state.items, action),
        changesWhileLoading:
          state.status === "loading" ? [...state.changesWhileLoading, action] : [],
      };
  }
}
