/**
 * Who is asking, for the rate limits. Directly on the internet that is the connecting socket's
 * address. Behind a reverse proxy (Caddy, nginx, a load balancer) every request comes from the
 * proxy, which puts the visitor's address last in `X-Forwarded-For`; with `trustedProxies` set
 * to the number of proxies in front, the address that many entries from the end is used. Never
 * trust the header without a proxy: a visitor could write any address into it.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Forwarded-For#selecting_an_ip_address
 *
 * The answer is the address's rateLimitKey.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  if (trustedProxies > 0 && forwardedFor) {
    const hops = forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean);
    const visitor = hops[hops.length - trustedProxies];
    if (visitor) return rateLimitKey(visitor);
  }
  return rateLimitKey(socketAddress ?? 'unknown');
}

/**
 * One key per client, however its address is written, so that a rate limit counts a client
 * once: a port is dropped (`1.2.3.4:5678`, `[2001:db8::1]:443`), and so are brackets and an
 * IPv6 zone (`%eth0`); an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, how a dual-stack Node
 * socket reports IPv4 clients) is its IPv4 address; any other IPv6 address is keyed by its
 * /64, written one way (`2001:db8:0:7::/64`).
 *
 * Why the /64: an IPv6 subnet for hosts is a /64 (RFC 7421), a host picks its own addresses
 * in it, and with temporary addresses (RFC 8981, on by default on phones and desktops) it makes
 * new random ones every day and can make more at will, so one client holds a whole /64. (A
 * home or office usually gets a /56 or /48, RFC 6177, so one subscriber may still hold several
 * /64s; the /64 is the smallest unit that is surely one client's, not the largest.)
 * https://www.rfc-editor.org/rfc/rfc7421 https://www.rfc-editor.org/rfc/rfc8981
 *
 * Text that is no IP address (`unknown`) is its own key.
 */
export function rateLimitKey(address: string): string {
  let text = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  const v4 = ipv4(text.replace(/:\d{1,5}$/, ''));
  if (v4) return v4.join('.');
  const v6 = ipv6(text.replace(/%[\w.-]+$/, ''));
  if (!v6) return address;
  const mapped = v6.slice(0, 6).every((hextet, index) => hextet === (index === 5 ? 0xffff : 0));
  if (mapped) return [v6[6]! >> 8, v6[6]! & 0xff, v6[7]! >> 8, v6[7]! & 0xff].join('.');
  return `${v6.slice(0, 4).map((hextet) => hextet.toString(16)).join(':')}::/64`;
}

/** The four octets of a dotted-quad IPv4 address, or undefined. */
function ipv4(text: string): number[] | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return undefined;
  const octets = text.split('.').map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

/** The eight 16-bit groups of an IPv6 address in any RFC 4291 §2.2 form, or undefined. */
function ipv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const parts = half.split(':');
    const result: number[] = [];
    for (const [index, part] of parts.entries()) {
      const dotted = index === parts.length - 1 ? ipv4(part) : undefined;
      if (dotted) result.push((dotted[0]! << 8) | dotted[1]!, (dotted[2]! << 8) | dotted[3]!);
      else if (/^[0-9a-f]{1,4}$/i.test(part)) result.push(parseInt(part, 16));
      else return undefined;
    }
    return result;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  // "::" stands for at least one group of zeros.
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : undefined;
}
