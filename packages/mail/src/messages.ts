// Every mail the app sends, in one place: plain text, the link on a line of its own (so a
// person can copy it from the development outbox, and tests find it with extractLink).
import type { Mail } from "./mailer";

const SIGNATURE = "\n-- \nTodo";

/** "1 hour", "24 hours", "30 minutes": a link's life as the mails and the pages say it. */
export const duration = (seconds: number) =>
  seconds % 3600 === 0
    ? `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`
    : `${Math.round(seconds / 60)} minutes`;

export function verifyEmailMessage(to: string, url: string, expiresInSeconds: number): Mail {
  return {
    to,
    subject: "Confirm your email address",
    text: [
      "Open this link to confirm your email address and finish creating your account:",
      "",
      url,
      "",
      `The link works for ${duration(expiresInSeconds)}. If you did not sign up, ignore this mail.`,
      SIGNATURE,
    ].join("\n"),
  };
}

export function resetPasswordMessage(to: string, url: string, expiresInSeconds: number): Mail {
  return {
    to,
    subject: "Reset your password",
    text: [
      "Open this link to choose a new password:",
      "",
      url,
      "",
      `The link works once, for ${duration(expiresInSeconds)}. Choosing a new password signs you`,
      "out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.",
      SIGNATURE,
    ].join("\n"),
  };
}

/** To the owner of an address someone tried to sign up with again (the sign-up answered as usual). */
export function existingAccountMessage(to: string, signInUrl: string, resetUrl: string): Mail {
  return {
    to,
    subject: "Someone tried to sign up with your address",
    text: [
      "Someone (perhaps you) tried to create an account with this email address, which already",
      "has one. No new account was created. To sign in:",
      "",
      signInUrl,
      "",
      "Forgot your password? Ask for a new one here:",
      "",
      resetUrl,
      "",
      "If this was not you, nothing has changed and you can ignore this mail.",
      SIGNATURE,
    ].join("\n"),
  };
}
