/** Undo steps run last-in first-out, each once, whichever way the run ends. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  /** True once clean-up has begun (Ctrl-C): start nothing new. */
  get closing(): boolean {
    return this.running !== undefined;
  }

  /** Throws once clean-up has begun, so the run stops between steps. */
  check(): void {
    if (this.closing) throw new Error("interrupted");
  }

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.splice(0).reverse()) {
        try {
          await step.run();
        } catch (error) {
          console.error(
            `cleanup: ${step.name} failed: ${error instanceof Error ? error.message : error}`,
          );
        }
      }
    })();
    return this.running;
  }
}
