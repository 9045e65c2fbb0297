// The mails the web app sent in this run, as the runner's SMTP server filed them (src/run.ts).
import { extractLink, outboxMailbox } from "@repo/mail/testing";
import { currentRun } from "./run";

let mailbox: ReturnType<typeof outboxMailbox> | undefined;

/**
 * The link in the oldest mail to `to` whose subject contains `subject` that no earlier call
 * took; waits up to 10 s for it.
 */
export async function waitForLink(to: string, subject: string): Promise<string> {
  mailbox ??= outboxMailbox(currentRun().mail.outboxDir);
  const mail = await mailbox.waitForMail({ to, subject });
  return extractLink(mail.text);
}
