import { deleteNamedOperation } from "../../named/operations/delete-named";
import { labelResource } from "../label-resource";
import { deleteLabelForUser } from "../queries/delete-label-for-user";

// DELETE /api/v1/labels/{id} — delete for good; every todo carrying it loses it, atomically
export const deleteLabelOperation = deleteNamedOperation(labelResource, {
  summary: "Delete a label",
  description:
    "Deletes the label for good (labels have no restore). In the same transaction every todo carrying it loses it and gets a new version (and so a new ETag).",
  remove: deleteLabelForUser,
});
