import type { Command } from "../command";

// todo whoami — GET /me: who the token says you are, and at which API.
export const whoami: Command = {
  name: "whoami",
  summary: "show who you are logged in as, and at which API",
  async run(_, context) {
    const me = await context.client().me();
    context.io.stdout(me.email ?? "(no email)");
    context.io.stdout(`user id: ${me.id}`);
    context.io.stdout(`API: ${context.settings.apiUrl}`);
  },
};
