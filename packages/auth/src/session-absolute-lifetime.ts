import type { GenericEndpointContext } from "better-auth";

/**
 * Better Auth 1.7 has an idle lifetime only: each renewal (a session read more than `updateAge`
 * after the last) sets `expiresAt = now + expiresIn`, so an active session never ends. This
 * `databaseHooks.session.update.before` caps every renewal at `createdAt + absoluteSeconds`;
 * Better Auth's own check (`expiresAt < now`: no session) then ends it there, on every instance,
 * with no query of ours. A renewal asked for after that point is refused and the session
 * deleted. Better Auth renews in get-session, which has just put the session it read on
 * `context.context.session`: that is where its `createdAt` comes from. Should a renewal ever
 * come without it (a Better Auth change), it is refused (the user signs in again) rather than
 * letting the session outlive the cap; session-lifetimes.test.ts would show it.
 */
export function capSessionRenewal(absoluteSeconds: number) {
  return async (data: { expiresAt?: Date }, context: GenericEndpointContext | null) => {
    if (!data.expiresAt) return; // not a renewal (e.g. /update-session's own fields)
    const session = context?.context.session?.session;
    if (!context || !session) return false;
    const end = new Date(session.createdAt).getTime() + absoluteSeconds * 1000;
    if (end <= Date.now()) {
      await context.context.internalAdapter.deleteSession(session.token);
      return false;
    }
    if (data.expiresAt.getTime() > end) return { data: { ...data, expiresAt: new Date(end) } };
  };
}
