import { accountExportSchema } from "@repo/contracts/me";
import { describeError } from "@repo/logger";
import { defineOperation } from "../../http/operation";
import { pulledStream } from "../../http/pulled-stream";
import { ensureUserExists } from "../account-gone";
import { writeExport } from "../write-export";

/**
 * How long the export waits for a client that stopped reading: under the database's
 * idle-in-transaction timeout (10 s), so the transaction ends here, cleanly, before the server
 * ends the session.
 */
const STALL_MS = 8_000;
/** About 64 KiB of JSON per chunk. */
const CHUNK_LENGTH = 65_536;

// GET /api/v1/me/export — everything the caller owns, as one JSON document (a download)
export const exportAccountOperation = defineOperation({
  method: "GET",
  path: "/api/v1/me/export",
  auth: "bearer",
  operationId: "exportAccount",
  tag: "account",
  summary: "Export your account",
  description:
    "Everything you own, soft-deleted todos included (with `deletedAt`), as one JSON document read from one snapshot of the database. The body is streamed as it is read; a client that stops reading for 8 seconds, or a failure mid-way, ends it short (the JSON does not parse), so retry.",
  response: {
    status: 200,
    description: "The export, as an attachment.",
    schema: accountExportSchema,
    headers: ["Content-Disposition"],
  },
  problems: [],
  async handler({ deps, user, requestId }) {
    // A deleted account gets its 401 now, before the response starts.
    await ensureUserExists(deps.db, user.userId);
    const body = pulledStream((emit) => writeExport(deps.db, user.userId, emit), {
      stallMs: STALL_MS,
      chunkLength: CHUNK_LENGTH,
      onError: (error) =>
        deps.logger.error({ error: describeError(error), requestId }, "export failed mid-stream"),
    });
    const date = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": "application/json",
        "Content-Disposition": `attachment; filename="todo-export-${date}.json"`,
      },
    });
  },
});
