/** One message of the app: plain text, to one address. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends the app's mails; `description` says where they go (for the start-up log: no secret). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  readonly description: string;
  close(): Promise<void>;
}
