"use client";

import type { Todo, TodoPatchBody } from "@repo/api-client";
import { CheckCircleIcon } from "./icons";
import { checkboxId, TodoItem } from "./todo-item";
import { isUnfiltered, matchesView, type TodoListState, type View } from "./todo-list-state";

interface Props {
  id: string;
  labelledBy: string;
  view: View;
  list: TodoListState;
  onUpdate: (todo: Todo, patch: TodoPatchBody) => void;
  onDelete: (todo: Todo) => void;
  onLoadMore: () => void;
  onRetry: () => void;
  /** Where the keyboard goes when the last todo on screen is deleted. */
  onListEmptied: () => void;
}

/** The tab panel: the list of todos, or its loading, error or empty state, and "Load more". */
export function TodoPanel({ id, labelledBy, view, list, ...actions }: Props) {
  const { status } = list;
  const loading = status === "loading";
  // While another view loads, what is already here and belongs in it stays on screen (dimmed).
  const items = loading ? list.items.filter((todo) => matchesView(todo, view)) : list.items;

  // Deleting removes the focused row; keep the keyboard in the list, on a neighbour.
  function deleteTodo(todo: Todo) {
    const index = items.findIndex((item) => item.id === todo.id);
    const neighbour = items[index + 1] ?? items[index - 1];
    actions.onDelete(todo);
    requestAnimationFrame(() => {
      const next = neighbour && document.getElementById(checkboxId(neighbour));
      if (next) next.focus();
      else actions.onListEmptied();
    });
  }

  return (
    <section
      id={id}
      role="tabpanel"
      aria-labelledby={labelledBy}
      className="card panel"
      aria-busy={loading}
    >
      {loading && (
        <p role="status" className={items.length ? "visually-hidden" : "panel-message"}>
          Loading…
        </p>
      )}
      {status === "error" && (
        <div role="alert" className="panel-message error">
          <p>{list.error}</p>
          <button type="button" className="button" onClick={actions.onRetry}>
            Try again
          </button>
        </div>
      )}
      {status === "ready" && items.length === 0 && (
        <div className="empty">
          <CheckCircleIcon />
          {isUnfiltered(view) ? (
            <>
              <p className="empty-title">No todos yet</p>
              <p className="muted">Add your first one above.</p>
            </>
          ) : isUnfiltered({ ...view, projectId: null }) ? (
            <>
              <p className="empty-title">Nothing here yet</p>
              <p className="muted">
                {view.projectId === "none"
                  ? "Every todo is in a project."
                  : "Todos you add now go in this project."}
              </p>
            </>
          ) : (
            <>
              <p className="empty-title">No matching todos</p>
              <p className="muted">Try other filters or another search.</p>
            </>
          )}
        </div>
      )}
      {items.length > 0 && (
        <ul aria-label="Todos" className={loading ? "todo-list stale" : "todo-list"}>
          {items.map((todo) => (
            <TodoItem
              key={todo.id}
              todo={todo}
              onUpdate={actions.onUpdate}
              onDelete={deleteTodo}
              now={view.now}
              showProject={view.projectId === null}
            />
          ))}
        </ul>
      )}
      {list.nextCursor !== null && !loading && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={actions.onLoadMore}
            aria-busy={list.loadingMore}
            aria-disabled={list.loadingMore}
          >
            {list.loadingMore && <span className="spinner" aria-hidden="true" />}
            Load more
          </button>
        </div>
      )}
    </section>
  );
}
