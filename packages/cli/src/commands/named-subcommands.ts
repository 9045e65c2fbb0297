import type { Color, TodoClient } from "@repo/api-client";
import { stringOf } from "../args";
import type { Command } from "../command";
import { PRINTS_NOTHING, printResult } from "../output/print";
import { createNameResolver } from "../resolve-names";
import { parseColor } from "../values";

type Kind = "project" | "label";

interface NamedItem {
  id: string;
  name: string;
}

/** What `add`, `rename` and `rm` need of /projects or /labels: the same three routes. */
function routes(client: TodoClient, kind: Kind) {
  if (kind === "project")
    return {
      create: async (body: { name: string; color?: Color }) =>
        (await client.projects.create(body)).project,
      rename: async (id: string, name: string) =>
        (await client.projects.patch(id, { name })).project,
      delete: (id: string) => client.projects.delete(id),
    };
  return {
    create: async (body: { name: string; color?: Color }) =>
      (await client.labels.create(body)).label,
    rename: async (id: string, name: string) => (await client.labels.patch(id, { name })).label,
    delete: (id: string) => client.labels.delete(id),
  };
}

export const namedLine = (item: NamedItem) => `${item.id}  ${item.name}`;

/**
 * `todo projects|labels add|rename|rm`: the same commands on either kind, which differ only in
 * what deleting one means (`rm.summary`) and what to say after (`rm.after`).
 */
export function namedSubcommands(
  kind: Kind,
  rm: { summary: string; after?: (id: string) => string },
): Command[] {
  return [
    {
      name: "add",
      summary: `add a ${kind}`,
      args: "<name>",
      help: "  --color <color>   gray (default), red, orange, yellow, green, teal, blue, indigo, purple, pink",
      json: `the ${kind} as the API answers it, one JSON object`,
      options: { color: { type: "string" } },
      positionals: [1, 1],
      async run({ values, positionals: [name] }, context) {
        const color = stringOf(values, "color");
        const item = await routes(context.client(), kind).create({
          name: name as string,
          color: color === undefined ? undefined : parseColor(color),
        });
        await printResult(context.io, values, item, () => `Added ${kind} ${namedLine(item)}`);
      },
    },
    {
      name: "rename",
      summary: `rename a ${kind}`,
      args: "<name|id> <new name>",
      json: `the ${kind} as the API answers it, one JSON object`,
      positionals: [2, 2],
      async run({ values, positionals: [which, name] }, context) {
        const client = context.client();
        const id = await createNameResolver(client).id(kind, which as string);
        const item = await routes(client, kind).rename(id, name as string);
        await printResult(context.io, values, item, () => `Renamed ${kind} ${namedLine(item)}`);
      },
    },
    {
      name: "rm",
      summary: rm.summary,
      args: "<name|id>",
      json: PRINTS_NOTHING,
      positionals: [1, 1],
      async run({ values, positionals: [which] }, context) {
        const client = context.client();
        const id = await createNameResolver(client).id(kind, which as string);
        await routes(client, kind).delete(id);
        await printResult(
          context.io,
          values,
          undefined,
          () => `Deleted ${kind} ${id}${rm.after ? ` ${rm.after(id)}` : ""}`,
        );
      },
    },
  ];
}
