import type {
  Label,
  LabelInputBody,
  LabelPatchBody,
  Project,
  ProjectInputBody,
  ProjectPatchBody,
  TodoClient,
} from "@repo/api-client";
import { useCallback, useMemo, useRef, useState } from "react";
import { describeError } from "../todos/describe-error";
import { etagOf } from "../todos/etag";
import { type FormResult, type NamedItemsApi, useNamedItems } from "./use-named-items";

type Report = (error: unknown, text: string) => void;

export interface DeletedProject {
  key: number;
  project: Project;
}

/** The user's projects (archived ones included), and delete with undo (restore). */
export function useProjects(
  api: TodoClient,
  { report, say }: { report: Report; say: (text: string) => void },
) {
  const routes = useMemo<NamedItemsApi<Project, ProjectInputBody, ProjectPatchBody>>(
    () => ({
      list: (signal) => api.projects.listAll({ limit: 100 }, { signal }),
      create: async (input, idempotencyKey) =>
        (await api.projects.create(input, { idempotencyKey })).project,
      patch: async (project, patch) =>
        (await api.projects.patch(project.id, patch, { ifMatch: etagOf(project) })).project,
      remove: (project) => api.projects.delete(project.id, { ifMatch: etagOf(project) }),
    }),
    [api],
  );
  const projects = useNamedItems(routes, { noun: "project", report });
  const [deleted, setDeleted] = useState<DeletedProject | null>(null);
  const keys = useRef(0);

  const remove = useCallback(
    async (project: Project): Promise<FormResult> => {
      const result = await projects.remove(project);
      if (result === null) setDeleted({ key: ++keys.current, project });
      return result;
    },
    [projects.remove],
  );

  const undo = useCallback(
    async (item: DeletedProject) => {
      setDeleted((current) => (current === item ? null : current));
      try {
        const { project } = await api.projects.restore(item.project.id);
        projects.put(project);
        say(`Restored "${project.name}". Its todos stay without a project.`);
      } catch (error) {
        report(error, describeError("Couldn't restore the project", error));
      }
    },
    [api, projects.put, report, say],
  );

  return {
    ...projects,
    remove,
    deleted,
    undo,
    dismissDeleted: useCallback(
      (item: DeletedProject) => setDeleted((current) => (current === item ? null : current)),
      [],
    ),
  };
}

/** The user's labels. */
export function useLabels(api: TodoClient, { report }: { report: Report }) {
  const routes = useMemo<NamedItemsApi<Label, LabelInputBody, LabelPatchBody>>(
    () => ({
      list: (signal) => api.labels.listAll({ limit: 100 }, { signal }),
      create: async (input, idempotencyKey) =>
        (await api.labels.create(input, { idempotencyKey })).label,
      patch: async (label, patch) =>
        (await api.labels.patch(label.id, patch, { ifMatch: etagOf(label) })).label,
      remove: (label) => api.labels.delete(label.id, { ifMatch: etagOf(label) }),
    }),
    [api],
  );
  return useNamedItems(routes, { noun: "label", report });
}
