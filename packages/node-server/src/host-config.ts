import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  // An empty variable counts as unset, as in env.ts.
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const hostEnvSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  HOST: optional(z.string()),
  SHUTDOWN_GRACE_MS: optional(z.coerce.number().int().min(0)),
});

export interface HostConfig {
  port: number;
  host: string;
  /** How long in-flight requests may take after SIGTERM/SIGINT before the process gives up. */
  shutdownGraceMs: number;
}

/**
 * A server's own settings (PORT, HOST, SHUTDOWN_GRACE_MS; each app's are its env.ts's), failing
 * with the name of every bad variable.
 */
export function loadHostConfig(
  env: Record<string, string | undefined>,
  { defaultPort }: { defaultPort: number },
): HostConfig {
  const parsed = hostEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid host configuration:\n  ${problems.join("\n  ")}`);
  }
  return {
    port: parsed.data.PORT ?? defaultPort,
    host: parsed.data.HOST ?? "0.0.0.0",
    shutdownGraceMs: parsed.data.SHUTDOWN_GRACE_MS ?? 10_000,
  };
}
