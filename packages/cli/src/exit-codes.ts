/** The CLI's exit codes. They are part of its interface (scripts branch on them): keep them stable. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  /** 401: not logged in, or the key was revoked or expired. */
  unauthorized: 3,
  /** 403: another user's item, or the key lacks a scope. */
  forbidden: 4,
  /** 404, or a project or label name you do not have. */
  notFound: 5,
  /** 412: changed since you read it. */
  preconditionFailed: 6,
  /** 429, after waiting out Retry-After once. */
  rateLimited: 7,
  /** 400 or 422: the API refused a value. */
  invalid: 8,
  /** The API (or the web app, for login) could not be reached. */
  network: 9,
  /** 409: a name you already use, an idempotency clash, or the todo limit. */
  conflict: 10,
  /** `todo login` was denied in the browser, or its code expired. */
  loginFailed: 11,
  /** Ctrl-C. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The table `todo --help` and the README show. */
export const EXIT_CODES_HELP = `Exit codes:
  0    ok
  1    unexpected error
  2    usage error (unknown command or flag, bad value)
  3    401: not logged in, or the key was revoked or expired (run \`todo login\`)
  4    403: not yours, or the key lacks a scope (the message names it)
  5    404: no such todo, project or label (or no project/label of that name)
  6    412: it changed since you read it
  7    429: rate limited, after waiting out Retry-After once (at most 60 s)
  8    400/422: the API refused a value (the field errors are printed)
  9    network: the API or web app could not be reached
  10   409: name taken, todo limit reached, or an idempotency clash
  11   login denied in the browser, or its code expired
  130  interrupted (Ctrl-C)`;

/** An error the CLI reports as one message (no stack trace) with its exit code. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);
