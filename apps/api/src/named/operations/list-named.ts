import { LIST_LIMIT_DEFAULT } from "@repo/contracts/list";
import type { z } from "zod";
import { defineOperation } from "../../http/operation";
import { decodeCursor } from "../../pagination/cursor";
import { pageResponse } from "../../pagination/page";
import {
  NAMED_SORT_KINDS,
  type NamedResource,
  type NamedSort,
  namedOperation,
} from "../named-resource";
import { listNamed } from "../queries/list-named";

/** What a list query parses to: the parameters every named list has, and `archived` for projects. */
type NamedListQuery = {
  limit?: number | undefined;
  cursor?: string | undefined;
  sort?: NamedSort | undefined;
  archived?: boolean | undefined;
};

// GET /api/v1/{projects,labels} — the caller's, a page at a time
export const listNamedOperation = (
  resource: NamedResource,
  query: z.ZodType<NamedListQuery>,
  description: string,
) =>
  defineOperation({
    ...namedOperation(resource, "list", `List your ${resource.plural}`),
    description: `${description} By name (the default, ignoring case), or by creation; keyset pagination, so walking the pages yields each exactly once.`,
    request: { query },
    response: {
      status: 200,
      description: `A page of ${resource.plural}.`,
      schema: resource.schemas.list,
      headers: ["Link"],
    },
    problems: ["validation-error"],
    async handler({ url, deps, user, input: { query } }) {
      const limit = query.limit ?? LIST_LIMIT_DEFAULT;
      const sort = query.sort ?? "name";
      const scope = [user.userId, resource.plural, sort, query.archived ?? null];
      const after =
        query.cursor === undefined
          ? undefined
          : decodeCursor(scope, query.cursor, NAMED_SORT_KINDS[sort]);
      const rows = await listNamed(deps.db, resource.table, {
        userId: user.userId,
        limit: limit + 1,
        sort,
        archived: query.archived,
        after: after && { value: after.value as string, id: after.id },
      });
      return pageResponse(url, rows, {
        owner: { db: deps.db, userId: user.userId },
        limit,
        limitGiven: query.limit !== undefined,
        scope,
        sortValue: (row) => (sort === "name" ? row.nameKey : row.createdAt.toISOString()),
        toJson: resource.toJson,
      });
    },
  });
