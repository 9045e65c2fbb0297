"use client";

import { useMemo } from "react";
import { createApi } from "@/lib/api";
import { AlertBanner } from "./alert-banner";
import { CreateTodoForm } from "./create-todo-form";
import { FilterTabs, tabId } from "./filter-tabs";
import { SearchBox } from "./search-box";
import { Toasts } from "./toasts";
import { TodoPanel } from "./todo-panel";
import { useTodos } from "./use-todos";

const PANEL_ID = "todo-panel";

interface Props {
  /** The API's origin, read by the server at start-up (not inlined at build time). */
  apiUrl: string;
  /** The signed-in user the page was rendered for. */
  userId: string;
}

/** The todo list: create, filter, search, edit in place, complete, delete with undo. */
export function TodosApp({ apiUrl, userId }: Props) {
  const api = useMemo(() => createApi({ baseUrl: apiUrl, userId }), [apiUrl, userId]);
  const todos = useTodos(api);

  return (
    <div className="todos">
      <CreateTodoForm onCreate={todos.create} />
      <div className="toolbar">
        <FilterTabs value={todos.filter} onChange={todos.setFilter} controls={PANEL_ID} />
        <SearchBox value={todos.search} onChange={todos.setSearch} />
      </div>
      <AlertBanner message={todos.alert} onDismiss={todos.dismissAlert} />
      <TodoPanel
        id={PANEL_ID}
        labelledBy={tabId(todos.filter)}
        view={todos.view}
        list={todos.list}
        onUpdate={todos.update}
        onDelete={todos.remove}
        onLoadMore={todos.loadMore}
        onRetry={todos.retry}
        onListEmptied={() =>
          document.querySelector<HTMLInputElement>(".create-form input")?.focus()
        }
      />
      <Toasts
        deleted={todos.deleted}
        onUndo={todos.undo}
        onDismissDeleted={todos.dismissDeleted}
        info={todos.info}
        onDismissInfo={todos.dismissInfo}
      />
    </div>
  );
}
