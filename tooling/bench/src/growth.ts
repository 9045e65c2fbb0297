import type http from "node:http";
import { send, sequentialAgent } from "./http-client";
import { NO_MATCH_Q } from "./seed";

/** Tokens of the two growth users (one with many todos, one with few). */
export interface GrowthCallers {
  large: string;
  small: string;
}

/** The project and label each growth user's filter rows ask for. */
export interface GrowthRefs {
  large: { projectId: string; labelId: string };
  small: { projectId: string; labelId: string };
}

export interface GrowthRow {
  measure: string;
  baseLabel: string;
  baseP50Ms: number;
  grownLabel: string;
  grownP50Ms: number;
  /** grown / base */
  ratio: number;
  samples: number;
}

const get = async (agent: http.Agent, url: string, token: string) => {
  const answer = await send(url, { headers: { authorization: `Bearer ${token}` } }, agent);
  if (answer.status !== 200)
    throw new Error(`GET ${url} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return answer;
};

/**
 * A cursor `depth` rows into the large user's default list, by walking it 100 rows a page
 * (once per run: the cursor is the same bytes on every host).
 */
export async function deepCursor(baseUrl: string, token: string, depth: number): Promise<string> {
  const agent = sequentialAgent();
  let cursor: string | null = null;
  try {
    for (let walked = 0; walked < depth; walked += 100) {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const answer = await get(agent, `${baseUrl}/api/v1/todos?limit=100${query}`, token);
      cursor = (JSON.parse(answer.body) as { nextCursor: string | null }).nextCursor;
      if (!cursor) throw new Error(`the list ended after ${walked + 100} rows, before ${depth}`);
    }
  } finally {
    agent.destroy();
  }
  if (!cursor) throw new Error("no cursor");
  return cursor;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export interface SampleOptions {
  samples: number;
  warmup: number;
  /** Stop sampling after this long (a slow query still gets at least 10 samples). */
  maxSeconds: number;
}

async function p50(
  agent: http.Agent,
  url: string,
  token: string,
  options: SampleOptions,
): Promise<{ p50: number; samples: number }> {
  for (let i = 0; i < options.warmup; i++) await get(agent, url, token);
  const times: number[] = [];
  const deadline = performance.now() + options.maxSeconds * 1000;
  while (times.length < options.samples) {
    times.push((await get(agent, url, token)).ms);
    if (times.length >= 10 && performance.now() > deadline) break;
  }
  return { p50: median(times), samples: times.length };
}

type Refs = GrowthRefs["large"];

/** The first page of each common filter (project, label, overdue) and of the new sorts. */
const FILTER_ROWS: { measure: string; query: (refs: Refs) => string }[] = [
  { measure: "projectId filter", query: (refs) => `projectId=${refs.projectId}` },
  { measure: "labelId filter", query: (refs) => `labelId=${refs.labelId}` },
  { measure: "overdue=true", query: () => "overdue=true" },
  { measure: "sort=dueAt", query: () => "sort=dueAt" },
  { measure: "sort=-priority", query: () => "sort=-priority" },
  { measure: "sort=priority", query: () => "sort=priority" },
];

/**
 * The growth comparisons, each as sequential requests (concurrency 1): what a user with many
 * todos pays against one with few, for the first page, a deep page, a `q` that matches nothing,
 * and the first page of each common filter (project, label, overdue) and of the new sorts.
 */
export async function measureGrowth(
  baseUrl: string,
  tokens: GrowthCallers,
  refs: GrowthRefs,
  cursor: string,
  sizes: { large: number; small: number; depth: number },
  options: SampleOptions,
  /** The filter and sort rows too (the baseline host has neither filters nor sorts). */
  filters: boolean,
): Promise<GrowthRow[]> {
  const list = `${baseUrl}/api/v1/todos`;
  const noMatch = `${list}?q=${NO_MATCH_Q}`;
  const n = (count: number) => count.toLocaleString("en-US");
  const pairs = [
    {
      measure: "list, first page",
      base: { label: `${n(sizes.small)} todos`, url: list, token: tokens.small },
      grown: { label: `${n(sizes.large)} todos`, url: list, token: tokens.large },
    },
    {
      measure: `list, ${n(sizes.large)} todos`,
      base: { label: "first page", url: list, token: tokens.large },
      grown: {
        label: `${n(sizes.depth)} rows deep`,
        url: `${list}?cursor=${cursor}`,
        token: tokens.large,
      },
    },
    {
      measure: "q matching nothing",
      base: { label: `${n(sizes.small)} todos`, url: noMatch, token: tokens.small },
      grown: { label: `${n(sizes.large)} todos`, url: noMatch, token: tokens.large },
    },
    ...(filters ? FILTER_ROWS : []).map(({ measure, query }) => ({
      measure,
      base: {
        label: `${n(sizes.small)} todos`,
        url: `${list}?${query(refs.small)}`,
        token: tokens.small,
      },
      grown: {
        label: `${n(sizes.large)} todos`,
        url: `${list}?${query(refs.large)}`,
        token: tokens.large,
      },
    })),
  ];
  const agent = sequentialAgent();
  try {
    const rows: GrowthRow[] = [];
    for (const pair of pairs) {
      const base = await p50(agent, pair.base.url, pair.base.token, options);
      const grown = await p50(agent, pair.grown.url, pair.grown.token, options);
      rows.push({
        measure: pair.measure,
        baseLabel: pair.base.label,
        baseP50Ms: base.p50,
        grownLabel: pair.grown.label,
        grownP50Ms: grown.p50,
        ratio: grown.p50 / base.p50,
        samples: Math.min(base.samples, grown.samples),
      });
    }
    return rows;
  } finally {
    agent.destroy();
  }
}
