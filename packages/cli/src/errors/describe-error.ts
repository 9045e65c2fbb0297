import { ApiProblemError, UnexpectedResponseError } from "@repo/api-client";
import { CliError, EXIT, type ExitCode } from "../exit-codes";
import { MAX_RETRY_WAIT_SECONDS } from "../http/rate-limit-retry";

export interface Report {
  exitCode: ExitCode;
  /** Lines for stderr. Never a token: problem documents carry none (API contract), nor do our messages. */
  lines: string[];
}

/** `name="value"` of a `WWW-Authenticate` challenge (RFC 6750 §3), if present. */
export function challengeParam(header: string | null, name: string): string | undefined {
  const match = new RegExp(`(?:^|[\\s,])${name}="([^"]*)"`, "i").exec(header ?? "");
  return match?.[1];
}

function describeProblem(error: ApiProblemError): Report {
  const { status, problem } = error;
  const said = problem.detail ?? problem.title;
  switch (status) {
    case 401:
      return {
        exitCode: EXIT.unauthorized,
        lines: [`Not logged in, or the key was revoked or expired: run \`todo login\`. (${said})`],
      };
    case 403: {
      const challenge = error.headers.get("www-authenticate");
      if (challengeParam(challenge, "error") === "insufficient_scope") {
        const scope = challengeParam(challenge, "scope") ?? "(unnamed)";
        return {
          exitCode: EXIT.forbidden,
          lines: [
            `This API key lacks the scope ${scope}: run \`todo login\` for a key that has it.`,
          ],
        };
      }
      return { exitCode: EXIT.forbidden, lines: [`Forbidden: ${said}`] };
    }
    case 404:
      return { exitCode: EXIT.notFound, lines: [`Not found: ${said}`] };
    case 409:
      return { exitCode: EXIT.conflict, lines: [`Conflict: ${said}`] };
    case 412:
      return {
        exitCode: EXIT.preconditionFailed,
        lines: ["It changed since you read it: nothing was written. Read it again and retry."],
      };
    case 429: {
      const wait = error.retryAfterSeconds;
      const why =
        wait !== undefined && wait > MAX_RETRY_WAIT_SECONDS
          ? `retry after ${wait} s (longer than the ${MAX_RETRY_WAIT_SECONDS} s this CLI waits)`
          : "still limited after waiting once";
      return { exitCode: EXIT.rateLimited, lines: [`Rate limited: ${why}.`] };
    }
    case 400:
    case 422:
      return {
        exitCode: EXIT.invalid,
        lines: [
          `Invalid: ${said}`,
          ...(problem.errors ?? []).map((e) => `  ${e.path || "(body)"}: ${e.message}`),
        ],
      };
    default:
      return { exitCode: EXIT.unexpected, lines: [`The API answered ${status}: ${said}`] };
  }
}

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");

/** undici's `fetch failed` TypeError, with the socket error (ECONNREFUSED…) as its cause. */
function networkCause(error: unknown): string | undefined {
  if (!(error instanceof TypeError) || error.message !== "fetch failed") return undefined;
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? "unknown error";
}

/** What the CLI says and exits with for anything a command threw. */
export function describeError(error: unknown, where: { apiUrl?: string } = {}): Report {
  if (error instanceof CliError) return { exitCode: error.exitCode, lines: [error.message] };
  if (error instanceof ApiProblemError) return describeProblem(error);
  if (isAbort(error)) return { exitCode: EXIT.interrupted, lines: ["Interrupted."] };
  const cause = networkCause(error);
  if (cause !== undefined)
    return {
      exitCode: EXIT.network,
      lines: [`Cannot reach ${where.apiUrl ?? "the server"}: ${cause}`],
    };
  if (error instanceof UnexpectedResponseError)
    return { exitCode: EXIT.unexpected, lines: [`Unexpected answer: ${error.message}`] };
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.unexpected, lines: [`Unexpected error: ${message}`] };
}
