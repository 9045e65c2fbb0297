import { describeError, type Logger } from "@repo/logger";
import type { Mail, Mailer } from "@repo/mail";
import {
  existingAccountMessage,
  resetPasswordMessage,
  verifyEmailMessage,
} from "@repo/mail/messages";
import type { AccountLifetimes } from "./account-lifetimes";
import { redactText } from "./better-auth-logger";
import { safeReturnPath } from "./return-path";

/** The web app's pages the mails link to (apps/web/src/app). */
export const ACCOUNT_PAGES = {
  signIn: "/sign-in",
  forgotPassword: "/forgot-password",
  /**
   * Reads `?token=` and posts the new password to /api/auth/reset-password; passes `?next=` on
   * to /sign-in.
   */
  resetPassword: "/reset-password",
};

/**
 * The `next` of a callbackURL or redirectTo the web app gave (`/verified?next=…`,
 * `/reset-password?next=…`), when it is a page path of this site; null for anything else.
 * Never throws: a throw in a mail callback would answer a known address otherwise than an
 * unknown one.
 */
function returnPathIn(callback: unknown): string | null {
  if (typeof callback !== "string") return null;
  try {
    return safeReturnPath(new URL(callback, "http://callback.invalid").searchParams.get("next"));
  } catch {
    return null;
  }
}

/**
 * A reset's return path: Better Auth hands the mail callback its own link, whose `callbackURL`
 * is the request's redirectTo (checked against the trusted origins when it was asked for).
 */
function resetReturnPath(betterAuthLink: string): string | null {
  try {
    return returnPathIn(new URL(betterAuthLink).searchParams.get("callbackURL"));
  } catch {
    return null;
  }
}

/**
 * A sign-up's return path, from its request's `callbackURL` (Better Auth passes the callback a
 * clone of the request). Only that field is read from the body; nothing of it is kept or logged.
 */
async function signUpReturnPath(request: Request | undefined): Promise<string | null> {
  try {
    const body: unknown = await request?.json();
    return typeof body === "object" && body !== null && "callbackURL" in body
      ? returnPathIn(body.callbackURL)
      : null;
  } catch {
    return null;
  }
}

export interface AccountMailsOptions {
  mailer: Mailer;
  /** The web app's public origin (BETTER_AUTH_URL). */
  appUrl: string;
  lifetimes: AccountLifetimes;
  logger?: Logger;
}

/**
 * Better Auth's mail callbacks. Each starts its send and returns at once: no response waits for
 * the mail server, so a sign-up, a reset request or a resend takes as long whether or not a mail
 * goes out (Better Auth awaits /send-verification-email's callback, and pads that route to only
 * 500 ms: an SMTP server slower than that would tell which addresses have an unverified account).
 * Logged: which mail and where it went, or why it failed (the server's answer, addresses
 * redacted), never the address, the link or its token.
 */
export function accountMails({ mailer, appUrl, lifetimes, logger }: AccountMailsOptions) {
  const send = async (kind: string, mail: Mail): Promise<void> => {
    // Not awaited, on purpose (above); the outcome is logged.
    void mailer.send(mail).then(
      () => logger?.info({ source: "mail", kind, via: mailer.description }, "mail sent"),
      (error: unknown) => {
        const summary = describeError(error);
        const redacted = { ...summary, message: redactText(summary.message) };
        if (logger)
          logger.error(
            { source: "mail", kind, via: mailer.description, error: redacted },
            "mail not sent",
          );
        else console.error(`mail not sent (${kind}): ${redacted.message}`);
      },
    );
  };
  return {
    verifyEmail: ({ user, url }: { user: { email: string }; url: string }) =>
      send("verify-email", verifyEmailMessage(user.email, url, lifetimes.verifyLinkSeconds)),
    // Better Auth's own `url` goes through its API and needs the client's `redirectTo`; this
    // link is the page, whatever the client sent, and takes only the return path from it.
    resetPassword: ({
      user,
      url: betterAuthUrl,
      token,
    }: {
      user: { email: string };
      url: string;
      token: string;
    }) => {
      const url = new URL(ACCOUNT_PAGES.resetPassword, appUrl);
      url.searchParams.set("token", token);
      const next = resetReturnPath(betterAuthUrl);
      if (next) url.searchParams.set("next", next);
      return send(
        "reset-password",
        resetPasswordMessage(user.email, url.href, lifetimes.resetLinkSeconds),
      );
    },
    // The sign-in and reset links keep the sign-up's way back (`/sign-in?next=…`), as a new
    // account's confirmation link does.
    existingAccount: async ({ user }: { user: { email: string } }, request?: Request) => {
      const next = await signUpReturnPath(request);
      const withNext = (path: string) => {
        const url = new URL(path, appUrl);
        if (next) url.searchParams.set("next", next);
        return url.href;
      };
      return send(
        "existing-account",
        existingAccountMessage(
          user.email,
          withNext(ACCOUNT_PAGES.signIn),
          withNext(ACCOUNT_PAGES.forgotPassword),
        ),
      );
    },
  };
}
