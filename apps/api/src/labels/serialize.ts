import type { Label } from "@repo/contracts/label";
import type { Color } from "@repo/contracts/palette";
import type { LabelRow } from "@repo/db/schema";
import { ownedJson } from "../resources/serialize";

export const toLabel = (row: LabelRow): Label =>
  ownedJson(row, { name: row.name, color: row.color as Color });
