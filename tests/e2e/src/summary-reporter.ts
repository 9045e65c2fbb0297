import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** One last line for CI logs: `e2e: 9 passed, 0 failed, 0 flaky, 0 skipped (52.3 s)`. */
export default class SummaryReporter implements Reporter {
  private readonly counts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };

  onTestEnd(test: TestCase, result: TestResult): void {
    // Only a test's final attempt counts.
    if (result.retry < test.retries && result.status !== "passed" && result.status !== "skipped")
      return;
    const outcome = test.outcome();
    if (outcome === "expected") this.counts.passed++;
    else if (outcome === "flaky") this.counts.flaky++;
    else if (outcome === "skipped") this.counts.skipped++;
    else this.counts.failed++;
  }

  onEnd(result: FullResult): void {
    const { passed, failed, flaky, skipped } = this.counts;
    const seconds = (result.duration / 1000).toFixed(1);
    console.log(
      `e2e: ${passed} passed, ${failed} failed, ${flaky} flaky, ${skipped} skipped (${seconds} s) — ${result.status}`,
    );
  }

  printsToStdio(): boolean {
    return true;
  }
}
