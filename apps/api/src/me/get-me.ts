import { type Me, meSchema } from "@repo/contracts/me";
import { defineOperation } from "../http/operation";
import { json } from "../http/respond";

// GET /api/v1/me — the caller, as the verified token names them
export const getMeOperation = defineOperation({
  method: "GET",
  path: "/api/v1/me",
  auth: "bearer",
  operationId: "getMe",
  tag: "account",
  summary: "Who you are",
  description: "From the verified token; email and name are null when the token has none.",
  response: { status: 200, description: "The caller.", schema: meSchema },
  problems: [],
  async handler({ user }) {
    const me: Me = { id: user.userId, email: user.email, name: user.name };
    return json(me);
  },
});
