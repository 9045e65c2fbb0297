import type { Label } from "@repo/api-client";
import { flagOf, stringOf } from "../args";
import type { CommandGroup } from "../command";
import { formatTable } from "../output/table";
import { createNameResolver } from "../resolve-names";
import { parseColor } from "../values";

const line = (label: Label) => `${label.id}  ${label.name}`;

// todo labels ls|add|rename|rm — /labels (a deleted label is gone: no restore).
export const labels: CommandGroup = {
  name: "labels",
  summary: "list and manage labels",
  subcommands: [
    {
      name: "ls",
      summary: "list labels",
      help: "  --json   the labels as the API answers them, one JSON array",
      options: { json: { type: "boolean" } },
      async run({ values }, context) {
        const all: Label[] = [];
        for await (const label of context.client().labels.listAll({ limit: 100 })) all.push(label);
        if (flagOf(values, "json")) return context.io.stdout(JSON.stringify(all, null, 2));
        if (all.length === 0) context.io.stdout("No labels.");
        for (const row of formatTable(all.map((l) => [l.id, l.name, l.color])))
          context.io.stdout(row);
      },
    },
    {
      name: "add",
      summary: "add a label",
      args: "<name>",
      help: "  --color <color>   gray (default), red, orange, yellow, green, teal, blue, indigo, purple, pink",
      options: { color: { type: "string" } },
      positionals: [1, 1],
      async run({ values, positionals: [name] }, context) {
        const color = stringOf(values, "color");
        const { label } = await context.client().labels.create({
          name: name as string,
          color: color === undefined ? undefined : parseColor(color),
        });
        context.io.stdout(`Added label ${line(label)}`);
      },
    },
    {
      name: "rename",
      summary: "rename a label",
      args: "<name|id> <new name>",
      positionals: [2, 2],
      async run({ positionals: [which, name] }, context) {
        const client = context.client();
        const id = await createNameResolver(client).id("label", which as string);
        const { label } = await client.labels.patch(id, { name: name as string });
        context.io.stdout(`Renamed label ${line(label)}`);
      },
    },
    {
      name: "rm",
      summary: "delete a label for good (every todo loses it)",
      args: "<name|id>",
      positionals: [1, 1],
      async run({ positionals: [which] }, context) {
        const client = context.client();
        const id = await createNameResolver(client).id("label", which as string);
        await client.labels.delete(id);
        context.io.stdout(`Deleted label ${id}`);
      },
    },
  ],
};
