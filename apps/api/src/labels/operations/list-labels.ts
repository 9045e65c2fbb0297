import { labelListQuerySchema } from "@repo/contracts/label";
import { listNamedOperation } from "../../named/operations/list-named";
import { labelResource } from "../label-resource";

// GET /api/v1/labels — the caller's labels, a page at a time
export const listLabelsOperation = listNamedOperation(
  labelResource,
  labelListQuerySchema,
  "The caller's labels.",
);
