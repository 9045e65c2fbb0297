import { startTopology, type Topology } from "@repo/topology";
import type { Check } from "./report";

/** Limits the scenarios rely on: the load is never limited, an anonymous probe soon is. */
export const PROBE_IP_LIMIT = 20;

export interface FaultTopologyOptions {
  /** The web instances' database (migrated). */
  databaseUrl: string;
  /** The API instances' database: the TCP proxy in front of it, for the slow-database scenario. */
  apiDatabaseUrl?: string;
  redisUrl: string;
  webEnv?: Record<string, string>;
}

/**
 * The topology of @repo/topology (haproxy, the API's Next and Node hosts, two web instances,
 * TRUSTED_PROXIES=1) on the run's private PostgreSQL and Redis, with limits that keep the load
 * out of the way: the user policy is out of reach, the anonymous (`ip`) policy is small for
 * the redis scenario's probe, and Better Auth lets the set-up sign many users up from loopback.
 */
export function startFaultTopology(options: FaultTopologyOptions): Promise<Topology> {
  return startTopology({
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    env: { LOG_LEVEL: "info", SHUTDOWN_GRACE_MS: "2000" },
    apiEnv: {
      RATE_LIMIT_USER: "1000000/60",
      RATE_LIMIT_IP: `${PROBE_IP_LIMIT}/60`,
      ...(options.apiDatabaseUrl ? { DATABASE_URL: options.apiDatabaseUrl } : {}),
    },
    webEnv: {
      AUTH_RATE_LIMIT_SIGN_IN: "100000/10",
      // Each sign-up opens its verification link from loopback too.
      AUTH_RATE_LIMIT_LINK: "100000/10",
      AUTH_RATE_LIMIT: "100000/10",
      ...options.webEnv,
    },
  });
}

/** No API instance exited (crashed, or was restarted): each ran throughout the scenario. */
export function apisStillRunning(topology: Topology): Check {
  const gone = topology.apis.filter(
    (api) => !api.running || api.output().includes(`[topology] ${api.name} exited`),
  );
  return {
    name: "no API instance exited or was restarted",
    ok: gone.length === 0,
    detail:
      gone.map((api) => `${api.name}: ${api.output().trim().slice(-300)}`).join("; ") || undefined,
  };
}
