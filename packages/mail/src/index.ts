import type { Mailer } from "./mailer";
import { outboxMailer } from "./outbox-mailer";

export { writeToOutbox } from "./outbox-mailer";

import { describeSmtpUrl, smtpMailer } from "./smtp-mailer";

export type { Mail, Mailer } from "./mailer";

/** Where the app's mails go: an SMTP server (production), or a folder of files (development). */
export type MailerConfig = { from: string } & (
  | { transport: "smtp"; url: string }
  | { transport: "outbox"; dir: string }
);

/** Where `config` sends mail, for a log line: never the SMTP credentials. */
export function describeMailerConfig(config: MailerConfig): string {
  return config.transport === "outbox" ? `outbox ${config.dir}` : describeSmtpUrl(config.url);
}

export function createMailer(config: MailerConfig): Mailer {
  return config.transport === "smtp"
    ? smtpMailer({ url: config.url, from: config.from })
    : outboxMailer({ dir: config.dir, from: config.from });
}
