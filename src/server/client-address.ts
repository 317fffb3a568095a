/**
 * Who is asking, for the rate limits. Directly on the internet that is the connecting socket's
 * address. Behind a reverse proxy (Caddy, nginx, a load balancer) every request comes from the
 * proxy, which puts the visitor's address last in `X-Forwarded-For`; with `trustedProxies` set
 * to the number of proxies in front, the address that many entries from the end is used. Never
 * trust the header without a proxy: a visitor could write any address into it.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Forwarded-For#selecting_an_ip_address
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  if (trustedProxies > 0 && forwardedFor) {
    const hops = forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean);
    const visitor = hops[hops.length - trustedProxies];
    if (visitor) return visitor;
  }
  return socketAddress ?? 'unknown';
}
