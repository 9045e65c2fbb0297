import type { TodoClient } from "@repo/api-client";
import { CliError, EXIT } from "./exit-codes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

type Named = { id: string; name: string };

// Array.fromAsync is Node 22's; the CLI also runs on 20.
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/**
 * Turns project or label names into ids (ignoring case, as the API's uniqueness does); an id is
 * taken as it is. One listing per kind, however many names; an unknown name is exit 5.
 */
export function createNameResolver(client: TodoClient) {
  const lists = new Map<"project" | "label", Promise<Named[]>>();
  const all = (kind: "project" | "label") => {
    let list = lists.get(kind);
    if (!list) {
      const source = kind === "project" ? client.projects : client.labels;
      list = collect(source.listAll({ limit: 100 }));
      lists.set(kind, list);
    }
    return list;
  };
  return {
    async id(kind: "project" | "label", nameOrId: string): Promise<string> {
      if (isUuid(nameOrId)) return nameOrId.toLowerCase();
      const wanted = nameOrId.trim().toLowerCase();
      const found = (await all(kind)).find((item) => item.name.toLowerCase() === wanted);
      if (found) return found.id;
      throw new CliError(EXIT.notFound, `You have no ${kind} named ${JSON.stringify(nameOrId)}.`);
    },
    /** Every item of the kind, by id (for showing names). */
    async names(kind: "project" | "label"): Promise<Map<string, string>> {
      return new Map((await all(kind)).map((item) => [item.id, item.name]));
    },
  };
}
export type NameResolver = ReturnType<typeof createNameResolver>;
