// The upstash bridge's tests already needed a Redis they can kill: the fault run uses the same
// one (a `redis-server` on a free port, `--save "" --appendonly no`, SIGKILL on `kill()`,
// `restart()` on the same port, killed when the process exits) rather than a second copy.
export {
  type RedisServer as PrivateRedis,
  startRedisServer as startPrivateRedis,
} from "@repo/upstash-bridge/redis-server";
