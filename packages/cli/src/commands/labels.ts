import type { Label } from "@repo/api-client";
import type { CommandGroup } from "../command";
import { printResult } from "../output/print";
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
      json: "the labels as the API answers them, one JSON array",
      async run({ values }, context) {
        const all: Label[] = [];
        for await (const label of context.client().labels.listAll({ limit: 100 })) all.push(label);
        await printResult(context.io, values, all, () =>
          all.length === 0 ? "No labels." : formatTable(all.map((l) => [l.id, l.name, l.color])),
        );
      },
    },
    ...namedSubcommands("label", { summary: "delete a label for good (every todo loses it)" }),
  ],
};
