import { type Me, meSchema } from "@repo/contracts/me";
import { defineOperation } from "../../http/operation";
import { json } from "../../http/respond";
import { ensureUserExists } from "../account-gone";

// GET /api/v1/me — the caller, as the verified token names them
export const getMeOperation = defineOperation({
  method: "GET",
  path: "/api/v1/me",
  auth: "bearer",
  operationId: "getMe",
  tag: "account",
  summary: "Who you are",
  description:
    "From the verified token; email and name are null when the token has none. A token whose account was deleted gets 401.",
  response: { status: 200, description: "The caller.", schema: meSchema },
  problems: [],
  async handler({ deps, user }) {
    // The one read here, so that a deleted account's tokens get 401 as on every other route.
    await ensureUserExists(deps.db, user.userId);
    const me: Me = { id: user.userId, email: user.email, name: user.name };
    return json(me);
  },
});
