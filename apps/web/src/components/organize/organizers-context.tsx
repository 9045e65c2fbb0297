"use client";

import type { Label, Project } from "@repo/api-client";
import { createContext, useContext } from "react";

/** The user's projects and labels, for the todos to show theirs by name and colour. */
export interface Organizers {
  projects: Project[];
  labels: Label[];
  projectById: Map<string, Project>;
  labelById: Map<string, Label>;
}

export const OrganizersContext = createContext<Organizers>({
  projects: [],
  labels: [],
  projectById: new Map(),
  labelById: new Map(),
});

export const useOrganizers = () => useContext(OrganizersContext);

export function organizers(projects: Project[], labels: Label[]): Organizers {
  return {
    projects,
    labels,
    projectById: new Map(projects.map((project) => [project.id, project])),
    labelById: new Map(labels.map((label) => [label.id, label])),
  };
}
