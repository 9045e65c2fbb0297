import { z } from "zod";

// Request headers several operations accept, as schemas: the pipeline reads them, the OpenAPI
// document describes them. Limits keep a hostile header from reaching the parsers whole.

export const ifMatchHeader = z.string().max(8_192, "If-Match is too long.").optional().meta({
  description:
    "Write only if the todo's ETag is one of these (strong comparison; `*` for any live todo), else 412.",
});

export const ifNoneMatchHeader = z
  .string()
  .max(8_192, "If-None-Match is too long.")
  .optional()
  .meta({ description: "304 when the todo's ETag is one of these (weak comparison)." });
