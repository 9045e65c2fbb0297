import type { Identity } from "@repo/auth/verifier";
import { REAUTHENTICATION_MAX_AGE_SECONDS } from "@repo/contracts/me";
import { reauthenticationRequired } from "../../http/authenticate";
import { defineOperation } from "../../http/operation";
import { ensureUserExists, userGone } from "../account-gone";
import { deleteUser } from "../queries/delete-user";

/** Whether the token was issued recently enough to delete the account (the clock's skew allowed). */
const issuedRecently = (user: Identity, toleranceSeconds: number, now = Date.now()) =>
  now / 1000 - user.issuedAt <= REAUTHENTICATION_MAX_AGE_SECONDS + toleranceSeconds;

// DELETE /api/v1/me — delete the account and everything it owns
export const deleteAccountOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/me",
  auth: "bearer",
  // No API key has it: only the signed-in user's JWT (from the web app) deletes the account.
  scope: "account:delete",
  operationId: "deleteAccount",
  tag: "account",
  summary: "Delete your account",
  description:
    "Deletes the account (Better Auth's user, its sessions, sign-in methods and API keys) and everything it owns: todos, projects, labels, idempotency keys. Needs a JWT from the web app issued in the last 5 minutes; an older one gets 401 `reauthentication-required`, an API key 403 `insufficient-scope` (`account:delete`, which no key has). Afterwards every token and key of the account gets 401 on every route.",
  response: { status: 204, description: "Deleted, with everything it owned." },
  problems: ["reauthentication-required"],
  async handler({ deps, user }) {
    if (!issuedRecently(user, deps.verifier.clockToleranceSeconds)) {
      // A deleted account's old token is told it is signed out, not asked to sign in again.
      await ensureUserExists(deps.db, user.userId);
      throw reauthenticationRequired(REAUTHENTICATION_MAX_AGE_SECONDS);
    }
    if (!(await deleteUser(deps.db, user.userId))) throw userGone();
    return new Response(null, { status: 204 });
  },
});
