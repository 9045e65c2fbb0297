import type { Todo, TodoClient } from "@repo/api-client";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { leaveIfSessionEnded } from "@/lib/api-token";
import { describeError } from "./describe-error";
import {
  defaultView,
  initialListState,
  listParams,
  todoListReducer,
  type View,
} from "./todo-list-state";
import { useDebouncedValue } from "./use-debounced-value";

const SEARCH_DEBOUNCE_MS = 250;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

export interface TodoListOptions {
  /** Every todo a page brought, as the server holds it. */
  onPage: (todos: Todo[]) => void;
  /** A failure to tell the user about (the first page's failure is shown in the list instead). */
  report: (error: unknown, message: string) => void;
}

/** What the user picks (everything in a View but the debounced search and the clock). */
export type Choices = Omit<View, "q" | "now">;

/** The todos on screen: filters, debounced search, the first page and "Load more" by cursor. */
export function useTodoList(api: TodoClient, { onPage, report }: TodoListOptions) {
  const [choices, setChoices] = useState<Choices>(defaultView);
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const view = useMemo<View>(() => ({ ...choices, q, now: Date.now() }), [choices, q]);
  const sort = useRef(view.sort);
  useEffect(() => {
    sort.current = view.sort;
  }, [view.sort]);
  /** Changes some of the choices (the project, a label, the sort…). */
  const choose = useCallback(
    (change: Partial<Choices>) => setChoices((current) => ({ ...current, ...change })),
    [],
  );
  const [list, dispatch] = useReducer(todoListReducer, initialListState);
  const [attempt, setAttempt] = useState(0);
  const more = useRef<AbortController | null>(null);

  useEffect(() => {
    // `attempt` is read so that "Try again" re-runs this effect.
    void attempt;
    const controller = new AbortController();
    more.current?.abort();
    dispatch({ type: "load" });
    api.list(listParams(view), { signal: controller.signal }).then(
      (page) => {
        onPage(page.data);
        dispatch({ type: "loaded", page, append: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error) || leaveIfSessionEnded(error)) return;
        dispatch({ type: "failed", message: describeError("Couldn't load your todos", error) });
      },
    );
    return () => controller.abort();
  }, [api, view, attempt, onPage]);

  const loadMore = useCallback(() => {
    if (list.nextCursor === null || list.loadingMore) return;
    const controller = new AbortController();
    more.current = controller;
    dispatch({ type: "load-more" });
    api.list(listParams(view, list.nextCursor), { signal: controller.signal }).then(
      (page) => {
        onPage(page.data);
        dispatch({ type: "loaded", page, append: true });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        dispatch({ type: "load-more-failed" });
        report(error, describeError("Couldn't load more todos", error));
      },
    );
  }, [api, view, list.nextCursor, list.loadingMore, onPage, report]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const upsert = useCallback((todo: Todo) => dispatch({ type: "upsert", todo }), []);
  const insert = useCallback(
    (todo: Todo) => dispatch({ type: "insert", todo, sort: sort.current }),
    [],
  );
  const remove = useCallback((id: string) => dispatch({ type: "remove", id }), []);

  return {
    view,
    choose,
    search,
    setSearch,
    list,
    loadMore,
    retry,
    upsert,
    insert,
    remove,
  };
}
