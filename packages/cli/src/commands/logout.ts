import type { FetchLike } from "@repo/api-client";
import type { Command } from "../command";
import { deleteCredentials } from "../config/credentials";
import { credentialsPath } from "../config/paths";
import { CliError, EXIT } from "../exit-codes";

/** Revokes the key a request authenticates with (the API answers 204). */
export const REVOKE_PATH = "/api/v1/me/api-key";

/**
 * DELETE the key on its API: "revoked"; "gone" (401: revoked or expired already); "no key" (404:
 * the token is not an API key, e.g. a JWT; or an API without the route); or why not.
 */
async function revoke(fetch: FetchLike, apiUrl: string, token: string) {
  try {
    const response = await fetch(`${apiUrl}${REVOKE_PATH}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    await response.body?.cancel();
    if (response.ok) return "revoked";
    if (response.status === 401) return "gone";
    if (response.status === 404) return "no key";
    return `the API answered ${response.status}`;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error; // Ctrl-C, say
    return `cannot reach ${apiUrl}`;
  }
}

const DONE = {
  revoked: "Revoked the key; deleted",
  gone: "The key was already revoked or expired; deleted",
  "no key": "The stored login held no API key to revoke; deleted",
} as const;
const isDone = (outcome: string): outcome is keyof typeof DONE => outcome in DONE;

// todo logout — revoke the stored key on the server, then delete the credentials file. Idempotent.
export const logout: Command = {
  name: "logout",
  summary: "revoke the stored API key and delete the credentials file",
  async run(_, context) {
    const { io, stored } = context;
    // TODO_TOKEN belongs to whoever set it (a script, CI): logout neither revokes nor forgets it.
    const envToken = io.env.TODO_TOKEN
      ? " TODO_TOKEN is set: logout leaves it alone (unset it; revoke a key in the web app)."
      : "";
    if (!stored) {
      io.stdout(envToken ? `No stored login to delete.${envToken}` : "Not logged in.");
      return;
    }
    // The stored login's own API and token, whatever --api-url says: that is where the key works.
    const outcome = await revoke(context.fetch, stored.apiUrl, stored.token);
    await deleteCredentials(context.configDir);
    const file = credentialsPath(context.configDir);
    if (isDone(outcome)) {
      io.stdout(`${DONE[outcome]} ${file}.${envToken}`);
      return;
    }
    throw new CliError(
      outcome.startsWith("cannot reach") ? EXIT.network : EXIT.unexpected,
      `Deleted ${file}, but could not revoke the key (${outcome}): it stays valid until it expires or you revoke it in the web app.`,
    );
  },
};
