// For tests: read the mails the app sent, from an outbox folder or a real SMTP sink.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createMailWaiter, type ReceivedMail } from "./mailbox";

export { createMailWaiter, extractLink, type MailQuery, type ReceivedMail } from "./mailbox";
export { type SmtpSink, startSmtpSink } from "./smtp-sink";

/** A file the outbox mailer wrote: headers, a blank line, the text. */
export function parseOutboxFile(content: string): ReceivedMail {
  const split = content.indexOf("\n\n");
  const headers = new Map(
    content
      .slice(0, split)
      .split("\n")
      .map((line) => {
        const colon = line.indexOf(":");
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
      }),
  );
  return {
    from: headers.get("from") ?? "",
    to: [headers.get("to") ?? ""],
    subject: headers.get("subject") ?? "",
    text: content.slice(split + 2),
  };
}

/**
 * An outbox folder as a mailbox: `list()` reads its messages, oldest first (none while the
 * folder does not exist), and `waitForMail` takes each one once.
 */
export function outboxMailbox(dir: string) {
  const cache = new Map<string, ReceivedMail>();
  const list = async () => {
    const files = (
      await readdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return [] as string[];
        throw error;
      })
    )
      .filter((file) => file.endsWith(".eml"))
      .sort();
    for (const file of files)
      if (!cache.has(file))
        cache.set(file, parseOutboxFile(await readFile(path.join(dir, file), "utf8")));
    return files.map((file) => cache.get(file) as ReceivedMail);
  };
  return { list, waitForMail: createMailWaiter(list) };
}
