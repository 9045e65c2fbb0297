import {
  projectInputSchema,
  projectListSchema,
  projectPatchSchema,
  projectSchema,
} from "@repo/contracts/project";
import { type ProjectRow, projects } from "@repo/db/schema";
import type { NamedResource } from "../named/named-resource";
import { toProject } from "./serialize";

/** Projects, for the operations they share with labels. */
export const projectResource: NamedResource<ProjectRow> = {
  noun: "project",
  plural: "projects",
  title: "Project",
  table: projects,
  schemas: {
    item: projectSchema,
    input: projectInputSchema,
    patch: projectPatchSchema,
    list: projectListSchema,
  },
  toJson: toProject,
};
