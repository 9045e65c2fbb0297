import type { Command } from "../command";
import { printResult } from "../output/print";

// todo whoami — GET /me: who the token says you are, and at which API.
export const whoami: Command = {
  name: "whoami",
  summary: "show who you are logged in as, and at which API",
  json: "the API's /me object (id, email, name), not the API URL",
  async run({ values }, context) {
    const me = await context.client().me();
    await printResult(context.io, values, me, () => [
      me.email ?? "(no email)",
      `user id: ${me.id}`,
      `API: ${context.settings.apiUrl}`,
    ]);
  },
};
