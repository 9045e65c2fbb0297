import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createMailWaiter, type ReceivedMail } from "./mailbox";
import { writeToOutbox } from "./outbox-mailer";

export type { MailQuery, ReceivedMail } from "./mailbox";

export interface SmtpSinkOptions {
  /** Default 0: a free port. */
  port?: number;
  /** When given, a client must log in with these (AUTH PLAIN or LOGIN, over plain TCP). */
  credentials?: { user: string; pass: string };
  /** Called with each message received, before the client is answered. */
  onMail?: (mail: ReceivedMail) => void | Promise<void>;
  /**
   * A folder that gets each message received as an outbox file (one per recipient), before the
   * client is answered: for readers in other processes (a person, the e2e workers).
   */
  outboxDir?: string;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>` (with the credentials, when required): an SMTP_URL. */
  url: string;
  port: number;
  /** Every message received, in order. */
  mails: ReceivedMail[];
  waitForMail: ReturnType<typeof createMailWaiter>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives instead of delivering it: the mail
 * server of the tests, of the multi-instance topology, and of `pnpm start` (which writes each
 * message into the outbox folder). No TLS: it never leaves the machine.
 */
export async function startSmtpSink({
  port = 0,
  credentials,
  onMail,
  outboxDir,
}: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: credentials ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials?.user && auth.password === credentials?.pass)
        return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const mail: ReceivedMail = {
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
          };
          mails.push(mail);
          if (outboxDir)
            for (const to of mail.to)
              await writeToOutbox(
                outboxDir,
                { to, subject: mail.subject, text: mail.text },
                mail.from,
              );
          await onMail?.(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  const login = credentials
    ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@`
    : "";
  return {
    url: `smtp://${login}127.0.0.1:${bound}`,
    port: bound,
    mails,
    waitForMail: createMailWaiter(() => mails),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
