import { isIP } from "node:net";

/**
 * One hop as proxies write it, reduced to a bare IP address, or undefined when it is not one.
 * Accepted besides a bare address: `[v6]`, `[v6]:port` and `v4:port` (some load balancers
 * add the port); an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a dual-stack socket
 * reports) becomes the IPv4 address it maps.
 */
export function normalizeAddress(hop: string): string | undefined {
  let address = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  // A zone index (fe80::1%eth0) names an interface of the machine that saw it: not the client's.
  if (address.includes("%")) return undefined;
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

/**
 * The key an address is limited under: an IPv4 address as it is; an IPv6 address as its /64
 * network (`2001:db8:1:2::/64`), because one subscriber is usually given a whole /64 and could
 * otherwise take a fresh address for every request.
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIPv6(address).slice(0, 4);
  return `${groups.map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, each as 1–4 hex digits. */
function expandIPv6(address: string): string[] {
  let text = address;
  // A trailing dotted IPv4 part (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right];
}
