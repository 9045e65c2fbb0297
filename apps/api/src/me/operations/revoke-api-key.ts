import { defineOperation } from "../../http/operation";
import { ApiError } from "../../http/problem";
import { deleteApiKey } from "../queries/delete-api-key";

// DELETE /api/v1/me/api-key — revoke the API key this request authenticates with
export const revokeApiKeyOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/me/api-key",
  auth: "bearer",
  // A key may always revoke itself, whatever its scopes (the CLI's `todo logout`).
  scope: "any",
  operationId: "revokeApiKey",
  tag: "account",
  summary: "Revoke this API key",
  description:
    "Deletes the API key the request is authenticated with, whatever its scopes; from then on it gets 401 on every instance within 10 seconds. A request authenticated with a JWT gets 404. Other keys are listed and revoked in the web app.",
  response: { status: 204, description: "Revoked." },
  problems: ["not-found"],
  async handler({ deps, user }) {
    const { credential } = user;
    if (credential.kind !== "api-key")
      throw new ApiError("not-found", "This request is not authenticated with an API key.");
    // Gone already (revoked a moment ago, still remembered): the outcome asked for holds.
    await deleteApiKey(deps.db, user.userId, credential.keyId);
    deps.apiKeyVerifier.forget(credential.keyId);
    return new Response(null, { status: 204 });
  },
});
