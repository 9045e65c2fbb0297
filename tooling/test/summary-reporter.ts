import type { Reporter, TestModule } from "vitest/node";

// Coverage is reported per package, the unit the 80% promise is made for.
const PACKAGES = [
  "packages/auth/src/",
  "packages/db/src/",
  "packages/logger/src/",
  "apps/api/src/",
  "apps/api/app/",
];

interface CoverageMapLike {
  files(): string[];
  fileCoverageFor(file: string): { toSummary(): { lines: { total: number; covered: number } } };
}

/**
 * After the run: tests per project (so the TCP- and Neon-driver counts of the integration
 * suite are visible), lines covered per package, and a closing `N passed, N failed` line.
 */
export default class SummaryReporter implements Reporter {
  private coverageLines: string[] = [];

  onCoverage(coverage: unknown) {
    const map = coverage as CoverageMapLike;
    this.coverageLines = PACKAGES.map((prefix) => {
      let total = 0;
      let covered = 0;
      for (const file of map.files().filter((f) => f.includes(`/${prefix}`))) {
        const { lines } = map.fileCoverageFor(file).toSummary();
        total += lines.total;
        covered += lines.covered;
      }
      const pct = total ? ((100 * covered) / total).toFixed(1) : "n/a";
      return `  ${prefix.padEnd(20)} ${pct}% of lines (${covered}/${total})`;
    });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const byProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const module of modules) {
      const counts = byProject.get(module.project.name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      byProject.set(module.project.name, counts);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    console.log("\nTests by project:");
    for (const [name, c] of [...byProject].sort()) {
      console.log(
        `  ${name.padEnd(20)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`,
      );
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    if (this.coverageLines.length)
      console.log(`Coverage by package:\n${this.coverageLines.join("\n")}`);
    console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
