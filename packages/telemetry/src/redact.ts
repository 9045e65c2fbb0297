import type { AttributeValue, Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace";

// Attributes whose value is a URL, a request target or a name built from one: Next's server span
// sets `http.target` to the request's target, query string included, and its fetch spans name
// and describe the whole URL. The query goes; the path stays.
const URL_LIKE = /(^|\.)(url|target|uri|full|span_name)$/i;
// Attributes that would carry credentials or request content, whoever set them: header
// captures (`http.request.header.authorization`), cookies, bodies, query strings.
const SECRET_LIKE =
  /(authorization|cookie|password|passwd|secret|token|api[-_]?key|\.body|\.query$|request\.header|response\.header)/i;

export const REDACTED = "[redacted]";

/** The text without any query string (`?…` up to whitespace or a fragment). */
export const withoutQuery = (text: string): string =>
  text.includes("?") ? text.replace(/\?[^\s#]*/g, "") : text;

function scrub(span: Span): void {
  if (span.name.includes("?")) span.updateName(withoutQuery(span.name));
  for (const [key, value] of Object.entries(span.attributes)) {
    const clean = scrubbed(key, value);
    if (clean !== value) span.setAttribute(key, clean);
  }
}

function scrubbed(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (SECRET_LIKE.test(key)) return REDACTED;
  if (typeof value === "string" && URL_LIKE.test(key)) return withoutQuery(value);
  return value;
}

/**
 * Runs before the exporting processor, on every span of the process (ours, Next's, Better
 * Auth's): query strings leave URL-like attributes and span names, and attributes named like
 * credentials or request content are replaced. Our own spans never set such attributes; this
 * is for spans whose attributes we do not choose. It works through the span's own API while
 * the span can still change: `onStart` for what was set at creation, `onEnding` (before the
 * span is frozen and handed to the exporter) for what was set later.
 */
export function createRedactingProcessor(): SpanProcessor {
  return {
    onStart: (span: Span, _context: Context) => scrub(span),
    onEnding: (span: Span) => scrub(span),
    onEnd: (_span: ReadableSpan) => {},
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}
