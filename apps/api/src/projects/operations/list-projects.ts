import { projectListQuerySchema } from "@repo/contracts/project";
import { listNamedOperation } from "../../named/operations/list-named";
import { projectResource } from "../project-resource";

// GET /api/v1/projects — the caller's live projects, a page at a time; `archived` filters
export const listProjectsOperation = listNamedOperation(
  projectResource,
  projectListQuerySchema,
  "The caller's live projects (`archived` filters by that flag).",
);
