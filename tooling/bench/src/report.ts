import type { GrowthRow } from "./growth";
import type { Measurement } from "./load";
import { type HostName, KEY_MODE_JWT, type TokenMode } from "./options";
import type { Scenario } from "./scenarios";

export interface Table {
  headers: string[];
  /** Per column: numbers are right-aligned. */
  numeric: boolean[];
  rows: string[][];
}

export interface LoadRow extends Measurement {
  mode: TokenMode;
  host: HostName;
  scenario: Scenario;
}

export interface HostGrowthRow extends GrowthRow {
  host: HostName;
}

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : "–";
const times = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? "–" : `${value.toFixed(2)}×`;

/**
 * One row per token mode × host × scenario, with req/s and p99 against the same run's baseline
 * (for API key rows, its KEY_MODE_JWT rows: it has no key path, so the ratio holds the key's cost).
 */
export function loadTable(rows: LoadRow[]): Table {
  const baselineMode = (mode: TokenMode) => (mode === "apikey" ? KEY_MODE_JWT : mode);
  const baselineOf = (row: LoadRow) =>
    rows.find(
      (b) =>
        b.host === "baseline" && b.mode === baselineMode(row.mode) && b.scenario === row.scenario,
    );
  return {
    headers: [
      "token",
      "host",
      "scenario",
      "req/s",
      "× base",
      "p50 ms",
      "p99 ms",
      "p99 × base",
      "errors",
      "CPU ms/req",
      "peak RSS MB",
    ],
    numeric: [false, false, false, true, true, true, true, true, true, true, true],
    rows: rows.map((row) => {
      const base = row.host === "baseline" ? undefined : baselineOf(row);
      return [
        row.mode,
        row.host,
        row.scenario,
        fixed(row.reqPerSec, 0),
        base ? times(row.reqPerSec / base.reqPerSec) : "",
        fixed(row.p50Ms, 1),
        fixed(row.p99Ms, 1),
        base ? times(row.p99Ms / base.p99Ms) : "",
        String(row.errors),
        fixed(row.cpuMsPerRequest, 2),
        fixed(row.peakRssMb, 0),
      ];
    }),
  };
}

export function growthTable(rows: HostGrowthRow[]): Table {
  return {
    headers: ["host", "measure", "base", "p50 ms", "grown", "p50 ms", "ratio", "samples"],
    numeric: [false, false, false, true, false, true, true, true],
    rows: rows.map((row) => [
      row.host,
      row.measure,
      row.baseLabel,
      fixed(row.baseP50Ms, 2),
      row.grownLabel,
      fixed(row.grownP50Ms, 2),
      times(row.ratio),
      String(row.samples),
    ]),
  };
}

const width = (text: string) => [...text].length;

/** Columns padded to their widest cell, two spaces apart, a rule under the headers. */
export function renderText(table: Table): string {
  const widths = table.headers.map((header, i) =>
    Math.max(width(header), ...table.rows.map((row) => width(row[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - width(cell));
        return table.numeric[i] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [
    line(table.headers),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...table.rows.map(line),
  ].join("\n");
}

export function renderMarkdown(table: Table): string {
  const line = (cells: string[]) =>
    `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [
    line(table.headers),
    `|${table.numeric.map((numeric) => (numeric ? "---:" : "---")).join("|")}|`,
    ...table.rows.map(line),
  ].join("\n");
}
