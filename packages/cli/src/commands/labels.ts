import type { Label } from "@repo/api-client";
import { flagOf } from "../args";
import type { CommandGroup } from "../command";
import { formatTable } from "../output/table";
import { namedSubcommands } from "./named-subcommands";

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
    ...namedSubcommands("label", { summary: "delete a label for good (every todo loses it)" }),
  ],
};
