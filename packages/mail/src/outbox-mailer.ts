import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Mail, Mailer } from "./mailer";

export interface OutboxMailerOptions {
  /** The folder that receives one file per message (created, mode 0700, when missing). */
  dir: string;
  from: string;
}

/** A file name a person can sort and recognise: `<ISO time>-<recipient>-<random>.eml`. */
function fileName(to: string, now: Date): string {
  const time = now.toISOString().replace(/[:.]/g, "-");
  const recipient = to.replace(/[^\w.@+-]/g, "_").slice(0, 100);
  return `${time}-${recipient}-${randomBytes(3).toString("hex")}.eml`;
}

/**
 * The message as a person reads it with `cat`, and a mail client opens it: plain headers, a
 * blank line, the text as it is (UTF-8, 8bit; nothing encoded, so links are whole lines).
 */
export function formatOutboxMessage({ to, subject, text }: Mail, from: string, date: Date): string {
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${date.toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    text,
  ].join("\n");
}

/** Writes `mail` into `dir` atomically (a temporary file renamed), readable by its owner only. */
export async function writeToOutbox(dir: string, mail: Mail, from: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const now = new Date();
  const file = path.join(dir, fileName(mail.to, now));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, formatOutboxMessage(mail, from, now), { mode: 0o600 });
  await rename(temp, file);
  return file;
}

/** Development's mail: each message a file in `dir` (default `<repo>/.data/outbox`), nothing sent. */
export function outboxMailer({ dir, from }: OutboxMailerOptions): Mailer {
  return {
    description: `outbox ${dir}`,
    async send(mail) {
      await writeToOutbox(dir, mail, from);
    },
    async close() {},
  };
}
