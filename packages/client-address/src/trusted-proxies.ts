import { BlockList, isIP } from "node:net";

/**
 * Who may speak for the client in `X-Forwarded-For` (the TRUSTED_PROXIES setting):
 * - `none`: nobody; the client is whoever opened the connection, and a forwarded-for header is
 *   ignored whatever it says;
 * - `count`: that many proxies stand in front, each appending the address it received the
 *   request from (HAProxy's `option forwardfor`, nginx's `$proxy_add_x_forwarded_for`, a cloud
 *   load balancer);
 * - `cidrs`: any hop in one of these networks is a proxy of ours, whatever their number.
 */
export type TrustedProxies =
  | { kind: "none" }
  | { kind: "count"; hops: number }
  | { kind: "cidrs"; networks: BlockList; text: string };

export const NO_TRUSTED_PROXY: TrustedProxies = { kind: "none" };

const MAX_HOPS = 16;

/**
 * Parses TRUSTED_PROXIES: unset, empty or `0` → none; a whole number (1–16) → that many proxies;
 * else a comma-separated list of addresses or CIDRs (`10.0.0.0/8, fd00::/8, 127.0.0.1`).
 * Throws an Error saying what is wrong with the value.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return NO_TRUSTED_PROXY;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new Error(`at most ${MAX_HOPS} proxies, got ${text}`);
    return { kind: "count", hops };
  }
  const networks = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const length = prefix === undefined ? bits : Number(prefix);
    if (
      family === 0 ||
      rest.length > 0 ||
      (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) ||
      length > bits
    )
      throw new Error(
        `"${entry}" is neither a number of proxies nor an IP address or CIDR (e.g. 1, or 10.0.0.0/8,fd00::/8)`,
      );
    networks.addSubnet(address, length, family === 4 ? "ipv4" : "ipv6");
  }
  return { kind: "cidrs", networks, text };
}

/** Whether `address` (a valid IP) belongs to one of the trusted networks. */
export function isTrusted(networks: BlockList, address: string): boolean {
  return networks.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}
