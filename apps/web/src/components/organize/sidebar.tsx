"use client";

import { LABEL_NAME_MAX } from "@repo/contracts/label";
import { PROJECT_NAME_MAX } from "@repo/contracts/project";
import { useId, useState } from "react";
import { InboxIcon, LayersIcon } from "../todos/icons";
import { CreateNamed } from "./create-named";
import { NamedRow } from "./named-row";
import type { useLabels, useProjects } from "./use-organizers";

/** Which todos the sidebar shows: every one (null), those in no project ("none"), or a project's. */
export type ProjectFilter = string | null;

interface Props {
  projects: ReturnType<typeof useProjects>;
  labels: ReturnType<typeof useLabels>;
  projectId: ProjectFilter;
  onSelectProject: (projectId: ProjectFilter) => void;
  labelIds: string[];
  onToggleLabel: (labelId: string) => void;
  onClearLabels: () => void;
}

/** Projects and labels: pick what the list shows, and create, rename, recolour, archive, delete. */
export function Sidebar(props: Props) {
  const { projects, labels, projectId } = props;
  const id = useId();
  // Phones: the sidebar folds away behind a button; wider screens always show it.
  const [open, setOpen] = useState(false);
  const live = projects.items.filter((project) => !project.archived);
  const archived = projects.items.filter((project) => project.archived);
  const current =
    projectId === null
      ? "All todos"
      : projectId === "none"
        ? "No project"
        : (projects.items.find((project) => project.id === projectId)?.name ?? "Project");
  const select = (next: ProjectFilter) => {
    props.onSelectProject(next);
    setOpen(false);
  };
  const projectRow = (project: (typeof live)[number]) => (
    <NamedRow
      key={project.id}
      item={project}
      noun="project"
      maxLength={PROJECT_NAME_MAX}
      selected={projectId === project.id}
      onSelect={() => select(project.id)}
      onSave={projects.update}
      onDelete={projects.remove}
    />
  );

  return (
    <aside className="sidebar">
      <button
        type="button"
        className="sidebar-toggle button"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen((value) => !value)}
      >
        <LayersIcon />
        <span>{current}</span>
        <span className="sidebar-toggle-hint">Projects &amp; labels</span>
      </button>
      <div id={`${id}-body`} className={open ? "sidebar-body open" : "sidebar-body"}>
        <nav aria-labelledby={`${id}-projects`} className="sidebar-section">
          <div className="sidebar-heading">
            <h2 id={`${id}-projects`}>Projects</h2>
            <CreateNamed
              noun="project"
              maxLength={PROJECT_NAME_MAX}
              onCreate={(values, key) => projects.create(values, key)}
            />
          </div>
          <ul className="nav-list">
            <li className="nav-row">
              <button
                type="button"
                className="nav-item"
                aria-pressed={projectId === null}
                onClick={() => select(null)}
              >
                <LayersIcon />
                <span className="nav-name">All todos</span>
              </button>
            </li>
            <li className="nav-row">
              <button
                type="button"
                className="nav-item"
                aria-pressed={projectId === "none"}
                onClick={() => select("none")}
              >
                <InboxIcon />
                <span className="nav-name">No project</span>
              </button>
            </li>
            {live.map(projectRow)}
          </ul>
          {archived.length > 0 && (
            <details className="archived" open={archived.some((p) => p.id === projectId)}>
              <summary>Archived ({archived.length})</summary>
              <ul className="nav-list">{archived.map(projectRow)}</ul>
            </details>
          )}
        </nav>
        <section aria-labelledby={`${id}-labels`} className="sidebar-section">
          <div className="sidebar-heading">
            <h2 id={`${id}-labels`}>Labels</h2>
            <CreateNamed
              noun="label"
              maxLength={LABEL_NAME_MAX}
              onCreate={({ name, color }, key) => labels.create({ name, color }, key)}
            />
          </div>
          {labels.status === "ready" && labels.items.length === 0 && (
            <p className="hint sidebar-empty">Labels tag todos across projects: add one with +.</p>
          )}
          <ul className="nav-list label-list" aria-label="Labels">
            {labels.items.map((label) => (
              <NamedRow
                key={label.id}
                item={label}
                noun="label"
                maxLength={LABEL_NAME_MAX}
                selected={props.labelIds.includes(label.id)}
                onSelect={() => props.onToggleLabel(label.id)}
                onSave={labels.update}
                onDelete={labels.remove}
                confirmDelete={`"${label.name}" comes off every todo that has it. This can't be undone.`}
              />
            ))}
          </ul>
          {props.labelIds.length > 0 && (
            <p className="hint sidebar-filter-note">
              Showing todos with {props.labelIds.length === 1 ? "this label" : "all these labels"}.{" "}
              <button type="button" className="link-button" onClick={props.onClearLabels}>
                Clear labels
              </button>
            </p>
          )}
        </section>
      </div>
    </aside>
  );
}
