"use client";

import { useMemo } from "react";
import { createApi } from "@/lib/api";
import { ColorDot } from "../organize/color-picker";
import { OrganizersContext, organizers } from "../organize/organizers-context";
import { Sidebar } from "../organize/sidebar";
import { useLabels, useProjects } from "../organize/use-organizers";
import { AlertBanner } from "./alert-banner";
import { CreateTodoForm } from "./create-todo-form";
import { FilterTabs, tabId } from "./filter-tabs";
import { ListOptions } from "./list-options";
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

/**
 * The todo list: projects and labels in a sidebar; create, filter, search, sort, edit in place,
 * complete, delete with undo.
 */
export function TodosApp({ apiUrl, userId }: Props) {
  const api = useMemo(() => createApi({ baseUrl: apiUrl, userId }), [apiUrl, userId]);
  const todos = useTodos(api);
  const projects = useProjects(api, { report: todos.report, say: todos.say });
  const labels = useLabels(api, { report: todos.report });
  const shared = useMemo(
    () => organizers(projects.items, labels.items),
    [projects.items, labels.items],
  );
  const { view, choose } = todos;
  const project = view.projectId === null ? undefined : shared.projectById.get(view.projectId);

  return (
    <OrganizersContext.Provider value={shared}>
      <div className="todos-layout">
        <Sidebar
          projects={{
            ...projects,
            // Its todos are detached on the server: read the list again.
            remove: async (item) => {
              const result = await projects.remove(item);
              if (result === null) {
                if (view.projectId === item.id) choose({ projectId: null });
                else todos.retry();
              }
              return result;
            },
          }}
          labels={{
            ...labels,
            remove: async (item) => {
              const result = await labels.remove(item);
              if (result === null) {
                choose({ labelIds: view.labelIds.filter((id) => id !== item.id) });
                todos.retry();
              }
              return result;
            },
          }}
          projectId={view.projectId}
          onSelectProject={(projectId) => choose({ projectId })}
          labelIds={view.labelIds}
          onToggleLabel={(id) =>
            choose({
              labelIds: view.labelIds.includes(id)
                ? view.labelIds.filter((x) => x !== id)
                : [...view.labelIds, id],
            })
          }
          onClearLabels={() => choose({ labelIds: [] })}
        />
        <div className="todos">
          <h2 className="view-title">
            {project && <ColorDot color={project.color} />}
            {view.projectId === null
              ? "All todos"
              : view.projectId === "none"
                ? "No project"
                : (project?.name ?? "Project")}
            {project?.archived && <span className="badge">Archived</span>}
          </h2>
          <CreateTodoForm
            onCreate={todos.create}
            projectId={view.projectId === "none" ? null : view.projectId}
            labelIds={view.labelIds}
          />
          <div className="toolbar">
            <FilterTabs
              value={view.filter}
              onChange={(filter) => choose({ filter })}
              controls={PANEL_ID}
            />
            <SearchBox value={todos.search} onChange={todos.setSearch} />
          </div>
          <ListOptions due={view.due} priority={view.priority} sort={view.sort} onChange={choose} />
          <AlertBanner message={todos.alert} onDismiss={todos.dismissAlert} />
          <TodoPanel
            id={PANEL_ID}
            labelledBy={tabId(view.filter)}
            view={view}
            list={todos.list}
            onUpdate={todos.update}
            onDelete={todos.remove}
            onLoadMore={todos.loadMore}
            onRetry={todos.retry}
            onListEmptied={() =>
              document.querySelector<HTMLInputElement>(".create-form input")?.focus()
            }
          />
        </div>
      </div>
      <Toasts
        deleted={todos.deleted}
        onUndo={todos.undo}
        onDismissDeleted={todos.dismissDeleted}
        deletedProject={projects.deleted}
        onUndoProject={projects.undo}
        onDismissDeletedProject={projects.dismissDeleted}
        info={todos.info}
        onDismissInfo={todos.dismissInfo}
      />
    </OrganizersContext.Provider>
  );
}
