import { describe, expect, it } from 'vitest';
import { networkContains, parseAddress, parseNetwork } from './ip-address.js';

describe('IP addresses and CIDR blocks', () => {
  it('parses IPv4 and rejects malformed addresses', () => {
    expect(Array.from(parseAddress('192.0.2.1')!)).toEqual([192, 0, 2, 1]);
    expect(parseAddress('256.0.0.1')).toBeUndefined();
    expect(parseAddress('1.2.3')).toBeUndefined();
  });

  it('parses IPv6 including :: and embedded IPv4', () => {
    expect(parseAddress('2001:db8::1')!.length).toBe(16);
    expect(parseAddress('::1')![15]).toBe(1);
    expect(Array.from(parseAddress('::ffff:10.0.0.1')!)).toEqual([10, 0, 0, 1]);
    expect(parseAddress('1::2::3')).toBeUndefined();
  });

  it('checks membership by prefix length', () => {
    const net = parseNetwork('10.128.0.0/9')!;
    expect(networkContains(net, parseAddress('10.200.1.1')!)).toBe(true);
    expect(networkContains(net, parseAddress('10.1.1.1')!)).toBe(false);
    expect(parseNetwork('10.0.0.0/33')).toBeUndefined();
    expect(networkContains(parseNetwork('2001:db8::/127')!, parseAddress('2001:db8::1')!)).toBe(true);
  });
});
