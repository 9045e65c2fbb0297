import type { ProblemCode } from "./problem";

export const JSON_BODY = ["application/json"] as const;
export const MERGE_PATCH_BODY = ["application/json", "application/merge-patch+json"] as const;

/** What reading and validating a JSON body can answer. */
export const BODY_PROBLEMS: ProblemCode[] = [
  "malformed-request",
  "payload-too-large",
  "unsupported-media-type",
  "validation-error",
];
/** What addressing one todo, project or label can answer. */
export const ITEM_PROBLEMS: ProblemCode[] = ["forbidden", "not-found"];
