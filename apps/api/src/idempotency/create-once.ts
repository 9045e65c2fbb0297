import type { Database } from "@repo/db/client";
import { json } from "../http/respond";
import { requestHash } from "./key";
import { runOnce, type StoredResponse } from "./run-once";

export interface CreateRequest {
  userId: string;
  /** The Idempotency-Key, if the request had one. */
  key: string | undefined;
  /** The request, whose method, path and JSON body a retry must repeat. */
  request: Request;
  url: URL;
  body: unknown;
}

/**
 * Runs a create and answers its response. With an Idempotency-Key, at most once per user and key
 * (`runOnce`): a retry of the same route and body gets the stored first response, marked
 * `Idempotent-Replayed: true`.
 */
export async function createOnce(
  db: Database,
  { userId, key, request, url, body }: CreateRequest,
  create: (db: Database) => Promise<StoredResponse>,
): Promise<Response> {
  if (key === undefined) {
    const created = await create(db);
    return json(created.body, created);
  }
  const hash = requestHash(`${request.method} ${url.pathname}`, body);
  const outcome = await runOnce(db, { userId, key, hash }, create);
  const headers = {
    ...outcome.headers,
    ...(outcome.replayed ? { "Idempotent-Replayed": "true" } : {}),
  };
  return json(outcome.body, { status: outcome.status, headers });
}
