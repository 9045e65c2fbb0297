import type { Me } from "@repo/contracts/me";
import { json } from "../http/respond";
import type { AuthedContext } from "../http/route";

// GET /api/v1/me — the caller, as the verified token names them
export async function meHandler({ user }: AuthedContext): Promise<Response> {
  const me: Me = { id: user.userId, email: user.email, name: user.name };
  return json(me);
}
