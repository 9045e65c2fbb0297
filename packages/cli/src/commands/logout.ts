import type { FetchLike } from "@repo/api-client";
import type { Command } from "../command";
import { deleteCredentials } from "../config/credentials";
import { credentialsPath } from "../config/paths";
import { CliError, EXIT } from "../exit-codes";

/** Revokes the key a request authenticates with (the API answers 204). */
export const REVOKE_PATH = "/api/v1/me/api-key";

/** DELETE the key on its API: "revoked", "gone" (401: already revoked or expired; 404: no such route yet), or why not. */
async function revoke(fetch: FetchLike, apiUrl: string, token: string) {
  try {
    const response = await fetch(`${apiUrl}${REVOKE_PATH}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    await response.body?.cancel();
    if (response.ok) return "revoked";
    if (response.status === 401 || response.status === 404) return "gone";
    return `the API answered ${response.status}`;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error; // Ctrl-C, say
    return `cannot reach ${apiUrl}`;
  }
}

// todo logout — revoke the stored key on the server, then delete the credentials file. Idempotent.
export const logout: Command = {
  name: "logout",
  summary: "revoke the stored API key and delete the credentials file",
  async run(_, context) {
    const { io, stored } = context;
    if (!stored) {
      io.stdout("Not logged in.");
      return;
    }
    // The stored login's own API, whatever --api-url says: that is where the key works.
    const outcome = await revoke(context.fetch, stored.apiUrl, stored.token);
    await deleteCredentials(context.configDir);
    const file = credentialsPath(context.configDir);
    if (outcome === "revoked" || outcome === "gone") {
      io.stdout(`${outcome === "revoked" ? "Revoked the key; deleted" : "Deleted"} ${file}.`);
      return;
    }
    throw new CliError(
      outcome.startsWith("cannot reach") ? EXIT.network : EXIT.unexpected,
      `Deleted ${file}, but could not revoke the key (${outcome}): it stays valid until it expires or you revoke it in the web app.`,
    );
  },
};
