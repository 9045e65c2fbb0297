import { z } from "zod";
import { labelSchema } from "./label";
import { projectSchema } from "./project";
import { HEADER_MAX } from "./text";
import { todoSchema } from "./todo";

// From the verified token's claims, which arrive in a request header: bounded by its size only.
const claim = () => z.string().meta({ maxLength: HEADER_MAX });

/** GET /me: who the verified token says the caller is. `email` and `name` are null when the token has none. */
export const meSchema = z
  .object({
    id: claim().meta({ minLength: 1, description: "The token's `sub`." }),
    email: claim().nullable(),
    name: claim().nullable(),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;

/**
 * DELETE /me needs a token issued (`iat`) at most this many seconds ago, plus the verifier's
 * clock tolerance; an older one gets 401 `reauthentication-required` (RFC 9470's `max_age`).
 */
export const REAUTHENTICATION_MAX_AGE_SECONDS = 300;

const deletedAt = z.iso.datetime().meta({ maxLength: 24 }).nullable().meta({
  description: "When it was soft-deleted (RFC 3339, UTC, milliseconds); null while it is live.",
});

/** A todo in the export: as the API answers it, plus `deletedAt`. */
export const exportedTodoSchema = todoSchema.extend({ deletedAt }).meta({ id: "ExportedTodo" });
/** A project in the export: as the API answers it, plus `deletedAt`. */
export const exportedProjectSchema = projectSchema
  .extend({ deletedAt })
  .meta({ id: "ExportedProject" });

/**
 * GET /me/export: everything the caller owns, soft-deleted todos and projects included, as one
 * snapshot of the database (read in one transaction). Labels are never soft-deleted (a deleted
 * label is gone). The account itself comes from the database, not the token.
 */
export const accountExportSchema = z
  .object({
    exportedAt: z.iso.datetime().meta({
      maxLength: 24,
      description: "The moment of the snapshot (RFC 3339, UTC, milliseconds).",
    }),
    user: z.object({
      id: claim().meta({ minLength: 1 }),
      email: claim(),
      name: claim(),
    }),
    // No maxItems: a whole account, deleted rows included (see .spectral.yaml's override).
    todos: z.array(exportedTodoSchema).meta({ description: "Every todo, in id order." }),
    projects: z.array(exportedProjectSchema).meta({ description: "Every project, in id order." }),
    labels: z.array(labelSchema).meta({ description: "Every label, in id order." }),
  })
  .meta({ id: "AccountExport" });
export type AccountExport = z.infer<typeof accountExportSchema>;
export type ExportedTodo = z.infer<typeof exportedTodoSchema>;
export type ExportedProject = z.infer<typeof exportedProjectSchema>;
