import { z } from "zod";

// Request headers several operations accept, as schemas: the pipeline reads them, the OpenAPI
// document describes them. Limits keep a hostile header from reaching the parsers whole.

// `*` or a list of entity tags (RFC 9110 §8.8.3), as http/entity-tags.ts reads them.
const TAG = '(W/)?"[\\x21\\x23-\\x7e\\x80-\\xff]*"';
const ENTITY_TAGS = `^\\s*(\\*|${TAG}(\\s*,\\s*${TAG})*)\\s*$`;

export const ifMatchHeader = z.string().max(8_192, "If-Match is too long.").optional().meta({
  pattern: ENTITY_TAGS,
  description:
    "Write only if the current ETag is one of these (strong comparison; `*` for any live todo, project or label), else 412. A value that is not a list of entity tags matches nothing.",
});

export const ifNoneMatchHeader = z
  .string()
  .max(8_192, "If-None-Match is too long.")
  .optional()
  .meta({
    pattern: ENTITY_TAGS,
    description:
      "304 when the current ETag is one of these (weak comparison); a value that is not a list of entity tags matches nothing.",
  });
