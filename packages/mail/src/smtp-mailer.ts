import nodemailer from "nodemailer";
import type { Mailer } from "./mailer";

export interface SmtpMailerOptions {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  url: string;
  /** The From header, e.g. `Todo <no-reply@example.com>`. */
  from: string;
}

/** `SMTP smtp://host:port`: never the credentials. */
export function describeSmtpUrl(url: string): string {
  const { protocol, hostname, port } = new URL(url);
  return `SMTP ${protocol.replace(":", "")}://${hostname}${port ? `:${port}` : ""}`;
}

/** Mails through an SMTP server (nodemailer); one connection per message. */
export function smtpMailer({ url, from }: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport(
    {
      url,
      // nodemailer waits up to 2 minutes for a connection and 10 minutes on a socket by default:
      // a sign-up would hold a background task that long while the server is away.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from },
  );
  return {
    description: describeSmtpUrl(url),
    async send({ to, subject, text }) {
      await transport.sendMail({ to, subject, text });
    },
    async close() {
      transport.close();
    },
  };
}
