import type { Color } from "@repo/contracts/palette";
import type { Project } from "@repo/contracts/project";
import type { ProjectRow } from "@repo/db/schema";
import { ownedJson } from "../resources/serialize";

export const toProject = (row: ProjectRow): Project =>
  ownedJson(row, { name: row.name, color: row.color as Color, archived: row.archived });
