import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/**
 * Closing lines for CI logs: the duration, then `e2e: 8 passed, 0 failed, 0 skipped`. Retries
 * are off, so a test that needed one (flaky) counts as failed: a flaky test is a defect.
 */
export default class SummaryReporter implements Reporter {
  private readonly counts = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(test: TestCase, result: TestResult): void {
    // Only a test's final attempt counts.
    if (result.retry < test.retries && result.status !== "passed" && result.status !== "skipped")
      return;
    const outcome = test.outcome();
    if (outcome === "expected") this.counts.passed++;
    else if (outcome === "skipped") this.counts.skipped++;
    else this.counts.failed++;
  }

  onEnd(result: FullResult): void {
    const { passed, failed, skipped } = this.counts;
    console.log(`e2e run ${result.status} in ${(result.duration / 1000).toFixed(1)} s`);
    console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
