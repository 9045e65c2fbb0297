import { randomBytes } from "node:crypto";
import { redacted, startUpstashBridge } from "../server";

// `pnpm --filter @repo/upstash-bridge start`: Upstash's REST API on 127.0.0.1, backed by
// REDIS_URL, for developing against the Upstash store without an Upstash account.
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const token = process.env.UPSTASH_BRIDGE_TOKEN || randomBytes(24).toString("base64url");
const port = Number(process.env.PORT || 8079);

const bridge = await startUpstashBridge({ redisUrl, token, port });
console.log(`Upstash REST bridge in front of ${redacted(redisUrl)}. For the API, set:

  UPSTASH_REDIS_REST_URL=${bridge.url}
  UPSTASH_REDIS_REST_TOKEN=${token}
`);

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void bridge.close().then(() => process.exit(0));
  });
