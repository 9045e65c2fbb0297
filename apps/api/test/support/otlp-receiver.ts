import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

/** An OTLP attribute as the JSON encoding carries it. */
interface KeyValue {
  key: string;
  value: {
    stringValue?: string;
    intValue?: number | string;
    doubleValue?: number;
    boolValue?: boolean;
  };
}

export type Attributes = Record<string, string | number | boolean | undefined>;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client. */
  kind: number;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  status: number;
  attributes: Attributes;
  events: { name: string; attributes: Attributes }[];
  scope: string;
  service: string | undefined;
}

export interface ReceivedPoint {
  attributes: Attributes;
  /** A sum's or gauge's value, or a histogram's count. */
  value: number;
}

const flatten = (list: KeyValue[] | undefined): Attributes =>
  Object.fromEntries(
    (list ?? []).map(({ key, value }) => [
      key,
      value.stringValue ??
        (value.intValue !== undefined ? Number(value.intValue) : undefined) ??
        value.doubleValue ??
        value.boolValue,
    ]),
  );

// JSON OTLP ids are hex (the spec's one exception to proto3 JSON), and an unset parent is "".
const id = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

interface SpanJson {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  status?: { code?: number };
  attributes?: KeyValue[];
  events?: { name: string; attributes?: KeyValue[] }[];
}
interface TracesJson {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { scope?: { name?: string }; spans?: SpanJson[] }[];
  }[];
}
interface PointJson {
  attributes?: KeyValue[];
  asInt?: number | string;
  asDouble?: number;
  count?: number | string;
}
interface MetricJson {
  name: string;
  sum?: { dataPoints?: PointJson[] };
  gauge?: { dataPoints?: PointJson[] };
  histogram?: { dataPoints?: PointJson[] };
}
interface MetricsJson {
  resourceMetrics?: { scopeMetrics?: { metrics?: MetricJson[] }[] }[];
}

/**
 * A real OTLP/HTTP receiver in the test process: accepts the JSON encoding the `-otlp-http`
 * exporters send on /v1/traces and /v1/metrics, keeps every body as received (for the secret
 * scan) and the spans and metric points parsed from them.
 */
export async function startOtlpReceiver() {
  const bodies: string[] = [];
  const spans: ReceivedSpan[] = [];
  /** The latest export of each metric (cumulative temporality: the latest holds every count). */
  const metrics = new Map<string, ReceivedPoint[]>();
  const paths = new Set<string>();

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let raw = Buffer.concat(chunks);
      if (request.headers["content-encoding"] === "gzip") raw = gunzipSync(raw);
      const text = raw.toString("utf8");
      bodies.push(text);
      paths.add(`${request.method} ${request.url} ${request.headers["content-type"]}`);
      if (request.url === "/v1/traces") collectSpans(JSON.parse(text) as TracesJson);
      if (request.url === "/v1/metrics") collectMetrics(JSON.parse(text) as MetricsJson);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });

  function collectSpans(body: TracesJson) {
    for (const resource of body.resourceSpans ?? []) {
      const service = flatten(resource.resource?.attributes)["service.name"];
      for (const scope of resource.scopeSpans ?? [])
        for (const span of scope.spans ?? [])
          spans.push({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: id(span.parentSpanId),
            name: span.name,
            kind: span.kind,
            status: span.status?.code ?? 0,
            attributes: flatten(span.attributes),
            events: (span.events ?? []).map((e) => ({
              name: e.name,
              attributes: flatten(e.attributes),
            })),
            scope: scope.scope?.name ?? "",
            service: typeof service === "string" ? service : undefined,
          });
    }
  }

  function collectMetrics(body: MetricsJson) {
    for (const resource of body.resourceMetrics ?? [])
      for (const scope of resource.scopeMetrics ?? [])
        for (const metric of scope.metrics ?? []) {
          const points = (metric.sum ?? metric.gauge ?? metric.histogram)?.dataPoints ?? [];
          metrics.set(
            metric.name,
            points.map((point) => ({
              attributes: flatten(point.attributes),
              value: Number(point.count ?? point.asInt ?? point.asDouble ?? Number.NaN),
            })),
          );
        }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bodies,
    spans,
    metrics,
    /** `METHOD /path content-type` of every request received. */
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type OtlpReceiver = Awaited<ReturnType<typeof startOtlpReceiver>>;
