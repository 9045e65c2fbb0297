/** Progress goes to stderr; stdout carries only the result (the tables, or the smoke summary). */
export const log = (line: string) => process.stderr.write(`${line}\n`);

export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
