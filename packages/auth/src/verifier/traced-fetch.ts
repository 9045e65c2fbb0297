import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The URL as a span may show it: no credentials, no query, no fragment. */
function shown(url: string): { full: string; address: string; port: number } {
  const parsed = new URL(url);
  const port = Number(parsed.port) || (parsed.protocol === "https:" ? 443 : 80);
  return { full: `${parsed.origin}${parsed.pathname}`, address: parsed.hostname, port };
}

/**
 * `fetch` with a CLIENT span (HTTP client semantic conventions) and the trace context sent on
 * (`traceparent`), so the issuer's trace continues ours. Made here rather than by an
 * instrumentation of undici: the API runs bundled (esbuild, Next), where require hooks do not
 * reach, and only this one outbound call matters.
 */
export function tracedFetch(tracer: Tracer, fetchImpl: Fetch = fetch): Fetch {
  return (url, init) => {
    const { full, address, port } = shown(url);
    return tracer.startActiveSpan(
      "GET",
      {
        kind: SpanKind.CLIENT,
        attributes: {
          "http.request.method": init.method ?? "GET",
          "url.full": full,
          "server.address": address,
          "server.port": port,
        },
      },
      async (span) => {
        const headers = new Headers(init.headers);
        propagation.inject(trace.setSpan(context.active(), span), headers, {
          set: (carrier, key, value) => carrier.set(key, value),
        });
        try {
          const response = await fetchImpl(url, { ...init, headers });
          span.setAttribute("http.response.status_code", response.status);
          if (response.status >= 400) {
            span.setAttribute("error.type", String(response.status));
            span.setStatus({ code: SpanStatusCode.ERROR });
          }
          return response;
        } catch (error) {
          const type = error instanceof Error ? error.name : "Error";
          span.setAttribute("error.type", type);
          span.setStatus({ code: SpanStatusCode.ERROR, message: type });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  };
}
