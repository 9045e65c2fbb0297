import type { Project } from "@repo/api-client";
import { flagOf } from "../args";
import type { CommandGroup } from "../command";
import { usageError } from "../exit-codes";
import { printResult } from "../output/print";
import { formatTable } from "../output/table";
import { namedLine, namedSubcommands } from "./named-subcommands";

// todo projects ls|add|rename|rm|restore — /projects.
export const projects: CommandGroup = {
  name: "projects",
  summary: "list and manage projects",
  subcommands: [
    {
      name: "ls",
      summary: "list projects",
      help: "  --archived | --active   only archived, or only active, projects",
      json: "the projects as the API answers them, one JSON array",
      options: { archived: { type: "boolean" }, active: { type: "boolean" } },
      async run({ values }, context) {
        if (flagOf(values, "archived") && flagOf(values, "active"))
          throw usageError("--archived and --active cannot be used together");
        const archived = flagOf(values, "archived")
          ? true
          : flagOf(values, "active")
            ? false
            : undefined;
        const all: Project[] = [];
        for await (const project of context.client().projects.listAll({ archived, limit: 100 }))
          all.push(project);
        await printResult(context.io, values, all, () =>
          all.length === 0
            ? "No projects."
            : formatTable(all.map((p) => [p.id, p.name, p.color, p.archived ? "archived" : ""])),
        );
      },
    },
    ...namedSubcommands("project", {
      summary: "delete a project (its todos stay, in no project; restorable for 30 days)",
      after: (id) => `(undo with \`todo projects restore ${id}\`)`,
    }),
    {
      name: "restore",
      summary: "restore a deleted project (it comes back empty)",
      args: "<id>",
      json: "the project as the API answers it, one JSON object",
      positionals: [1, 1],
      async run({ values, positionals: [id] }, context) {
        const { project } = await context.client().projects.restore(id as string);
        await printResult(
          context.io,
          values,
          project,
          () => `Restored project ${namedLine(project)}`,
        );
      },
    },
  ],
};
