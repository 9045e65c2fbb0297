import { setTimeout as delay } from "node:timers/promises";

/** A message as a receiver (the SMTP sink, an outbox folder) read it back. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface MailQuery {
  to: string;
  /** A part of the subject, or a pattern it matches. */
  subject?: string | RegExp;
  /** Default 10 s. */
  timeoutMs?: number;
}

const matches = (mail: ReceivedMail, { to, subject }: MailQuery) =>
  mail.to.some((address) => address.toLowerCase() === to.toLowerCase()) &&
  (subject === undefined ||
    (typeof subject === "string" ? mail.subject.includes(subject) : subject.test(mail.subject)));

/**
 * Waits for the oldest message not yet taken that matches `query`, and takes it (so the next
 * call with the same query waits for the next such message). `list()` reads what has arrived.
 */
export function createMailWaiter(list: () => Promise<ReceivedMail[]> | ReceivedMail[]) {
  const taken = new WeakSet<ReceivedMail>();
  return async (query: MailQuery): Promise<ReceivedMail> => {
    const deadline = Date.now() + (query.timeoutMs ?? 10_000);
    for (;;) {
      const found = (await list()).find((mail) => !taken.has(mail) && matches(mail, query));
      if (found) {
        taken.add(found);
        return found;
      }
      if (Date.now() > deadline)
        throw new Error(
          `no mail to ${query.to}${query.subject ? ` (subject ${String(query.subject)})` : ""} within ${query.timeoutMs ?? 10_000} ms`,
        );
      await delay(25);
    }
  };
}

/** The first http(s) link in a mail's text (whose text contains `including`, when given). */
export function extractLink(text: string, including?: string): string {
  const link = (text.match(/https?:\/\/\S+/g) ?? []).find(
    (url) => including === undefined || url.includes(including),
  );
  if (!link) throw new Error(`no link${including ? ` with ${including}` : ""} in: ${text}`);
  return link;
}
