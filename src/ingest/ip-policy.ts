// Which addresses a fetch may connect to. Reports and feeds come from the public internet; a URL
// that resolves to our own network (loopback, RFC 1918, cloud metadata at 169.254.169.254…) is a
// server-side request forgery, refused unless the operator says --allow-private.
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
const V4: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "CGNAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];
const V6: Array<[string, number, string]> = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fc00::", 7, "unique local (ULA)"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local"],
  ["ff00::", 8, "multicast"],
  ["2001:db8::", 32, "documentation"],
  ["100::", 64, "discard"],
];
const labels: Array<{ net: BlockList; label: string }> = [];
for (const [addr, prefix, label] of V4) {
  const one = new BlockList();
  one.addSubnet(addr, prefix, "ipv4");
  blocked.addSubnet(addr, prefix, "ipv4");
  labels.push({ net: one, label });
}
for (const [addr, prefix, label] of V6) {
  const one = new BlockList();
  one.addSubnet(addr, prefix, "ipv6");
  blocked.addSubnet(addr, prefix, "ipv6");
  labels.push({ net: one, label });
}

/** The IPv4 address carried inside an IPv6 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16). */
function embeddedV4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const groups = expandV6(lower);
  if (!groups) return null;
  const hex = (a: number, b: number) => `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  // ::ffff:x:y (mapped), 64:ff9b::x:y (NAT64), ::x:y (deprecated compatible)
  if (groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0)) {
    if (groups[5] === 0 && groups[6] === 0) return null; // ::, ::1 are handled as IPv6
    return hex(groups[6]!, groups[7]!);
  }
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return hex(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return hex(groups[1]!, groups[2]!);
  return null;
}

function expandV6(ip: string): number[] | null {
  if (ip.includes(".")) return null;
  const [head, tail] = ip.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = ip.includes("::") ? 8 - h.length - t.length : 0;
  const all = [...h, ...Array(fill).fill("0"), ...t];
  if (all.length !== 8) return null;
  return all.map((g) => Number.parseInt(g || "0", 16));
}

/** Why an address is not public (e.g. "loopback"), or null when it is a public unicast address. */
export function nonPublicReason(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, ""); // [v6] and zone ids
  const family = isIP(bare);
  if (family === 0) return "not an IP address";
  if (family === 6) {
    const v4 = embeddedV4(bare);
    if (v4) return nonPublicReason(v4);
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  if (!blocked.check(bare, type)) return null;
  return labels.find((l) => l.net.check(bare, type))?.label ?? "non-public";
}
