import { BlockList, isIP } from 'node:net';

/**
 * The address a console request came from, for the sign-in throttle, aws:SourceIp and the audit
 * trail. X-Forwarded-For is believed only when the peer is a configured proxy, and then read
 * from the right: each trusted proxy appended the address it saw, so the first address from the
 * right that is not a proxy is the client; everything left of it the client could have written.
 */
export class ClientAddress {
  readonly #proxies = new BlockList();
  readonly #any: boolean;

  constructor(trustedProxies: readonly string[]) {
    for (const entry of trustedProxies) {
      const [address, prefix] = entry.split('/') as [string, string | undefined];
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.#proxies.addAddress(address, type);
      else this.#proxies.addSubnet(address, Number(prefix), type);
    }
    this.#any = trustedProxies.length > 0;
  }

  /** Whether any proxy is trusted: if not, X-Forwarded-For is never read (the API need not look for it). */
  get trustsProxies(): boolean {
    return this.#any;
  }

  of(peer: string | undefined, forwardedFor: string | undefined): string {
    const socket = unmapped(peer ?? '127.0.0.1');
    if (!this.#any || !forwardedFor || !this.#trusted(socket)) return socket;
    let client = socket;
    const hops = forwardedFor.split(',').map((h) => unmapped(h.trim()));
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      // Something that is not an address was not written by a proxy: stop at the last one that was.
      if (isIP(hop) === 0) break;
      client = hop;
      if (!this.#trusted(hop)) break;
    }
    return client;
  }

  #trusted(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.#proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) as `192.0.2.1`. */
function unmapped(address: string): string {
  // Every request passes here: skip the pattern for the common address that cannot match it.
  if (address.length < 14 || address.charCodeAt(0) !== 58 /* : */) return address;
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return m ? m[1]! : address;
}
