import type { Todo, TodoList, TodoListParams } from "@repo/api-client";
import type { Priority, TodoSort } from "@repo/contracts/todo";

export type Filter = "all" | "active" | "completed";
/** Due dates: any, overdue, due today, due within the next 7 days (local days). */
export type DueFilter = "any" | "overdue" | "today" | "week";

/** The list the user is looking at: its filters, (debounced, trimmed) search and sort. */
export interface View {
  filter: Filter;
  q: string;
  /** null: every todo; "none": those in no project; else a project's id. */
  projectId: string | null;
  /** Todos carrying all of these labels. */
  labelIds: string[];
  priority: Priority | null;
  due: DueFilter;
  sort: TodoSort;
  /** When the view was chosen (ms): "today" and "overdue" are measured from it. */
  now: number;
}

export const defaultView: View = {
  filter: "all",
  q: "",
  projectId: null,
  labelIds: [],
  priority: null,
  due: "any",
  sort: "-createdAt",
  now: 0,
};

/** No filter and no search: the list holds every todo (an empty one means no todos at all). */
export const isUnfiltered = (view: View) =>
  view.filter === "all" &&
  view.q === "" &&
  view.projectId === null &&
  view.labelIds.length === 0 &&
  view.priority === null &&
  view.due === "any";

/** The instants a due filter spans, from the start of the local day of `now`. */
export function dueRange(due: DueFilter, now: number): { after?: number; before?: number } {
  if (due !== "today" && due !== "week") return {};
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + (due === "today" ? 1 : 7));
  return { after: start.getTime(), before: end.getTime() };
}

/** Whether a todo is overdue at `now`: open, and its due time has passed. */
export const isOverdue = (todo: Todo, now: number) =>
  !todo.completed && todo.dueAt !== null && Date.parse(todo.dueAt) < now;

/** A change made on this page (a create, a write, a delete, an undo). */
export type LocalChange =
  | { type: "upsert"; todo: Todo }
  | { type: "insert"; todo: Todo; sort: TodoSort }
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

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** GET /todos parameters for a view. */
export function listParams(view: View, cursor?: string | null): TodoListParams {
  const { after, before } = dueRange(view.due, view.now);
  return {
    completed: view.filter === "all" ? undefined : view.filter === "completed",
    q: view.q === "" ? undefined : view.q,
    projectId: view.projectId ?? undefined,
    labelId: view.labelIds.length === 0 ? undefined : view.labelIds,
    priority: view.priority ?? undefined,
    overdue: view.due === "overdue" ? true : undefined,
    dueAfter: iso(after),
    dueBefore: iso(before),
    sort: view.sort === "-createdAt" ? undefined : view.sort,
    cursor: cursor ?? undefined,
  };
}

/** Whether a todo belongs in a view, with the API's rules (`q`: case-insensitive substring). */
export function matchesView(todo: Todo, view: View): boolean {
  if (view.filter !== "all" && todo.completed !== (view.filter === "completed")) return false;
  if (!todo.title.toLowerCase().includes(view.q.toLowerCase())) return false;
  if (
    view.projectId !== null &&
    todo.projectId !== (view.projectId === "none" ? null : view.projectId)
  )
    return false;
  if (!view.labelIds.every((id) => todo.labelIds.includes(id))) return false;
  if (view.priority !== null && todo.priority !== view.priority) return false;
  if (view.due === "overdue") return isOverdue(todo, view.now);
  const { after, before } = dueRange(view.due, view.now);
  if (after === undefined || before === undefined) return true;
  const due = todo.dueAt === null ? null : Date.parse(todo.dueAt);
  return due !== null && due >= after && due < before;
}

const RANK: Record<Priority, number> = { low: 1, normal: 2, high: 3, urgent: 4 };
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Negative when `a` comes before `b` in GET /todos with `sort`: by the sort's value, undated
 * todos last for `dueAt`, ties broken by id in the sort's direction.
 */
export function compareTodos(sort: TodoSort, a: Todo, b: Todo): number {
  const descending = sort.startsWith("-");
  const direction = descending ? -1 : 1;
  const byId = direction * compareText(a.id, b.id);
  switch (sort) {
    case "createdAt":
    case "-createdAt":
      return direction * compareText(a.createdAt, b.createdAt) || byId;
    case "updatedAt":
    case "-updatedAt":
      return direction * compareText(a.updatedAt, b.updatedAt) || byId;
    case "priority":
    case "-priority":
      return direction * (RANK[a.priority] - RANK[b.priority]) || byId;
    case "dueAt":
      if (a.dueAt === null || b.dueAt === null)
        return a.dueAt === b.dueAt ? byId : a.dueAt === null ? 1 : -1;
      return compareText(a.dueAt, b.dueAt) || byId;
  }
}

/** `todo` in its sorted place (a copy of it already there is replaced). */
function insertSorted(items: Todo[], todo: Todo, sort: TodoSort): Todo[] {
  const rest = items.filter((item) => item.id !== todo.id);
  const index = rest.findIndex((item) => compareTodos(sort, todo, item) < 0);
  return index === -1 ? [...rest, todo] : [...rest.slice(0, index), todo, ...rest.slice(index)];
}

function apply(items: Todo[], change: LocalChange): Todo[] {
  switch (change.type) {
    case "upsert":
      return items.map((todo) => (todo.id === change.todo.id ? change.todo : todo));
    case "insert":
      return insertSorted(items, change.todo, change.sort);
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
