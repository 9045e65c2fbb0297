import {
  projectInputSchema,
  projectListSchema,
  projectPatchSchema,
  projectSchema,
} from "@repo/contracts/project";
import { type ProjectRow, projects } from "@repo/db/schema";
import type { NamedResource } from "../named/named-resource";
import { PROJECT_CAP } from "../resources/live-caps";
import { toProject } from "./serialize";

/** Projects, for the operations they share with labels. */
export const projectResource: NamedResource<ProjectRow> = {
  noun: "project",
  plural: "projects",
  title: "Project",
  table: projects,
  cap: PROJECT_CAP,
  schemas: {
    item: projectSchema,
    input: projectInputSchema,
    patch: projectPatchSchema,
    list: projectListSchema,
  },
  toJson: toProject,
};
