import { describe, expect, it } from 'vitest';
import { ClientAddress } from './client-address.js';

describe('ClientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted, or the peer is not one', () => {
    expect(new ClientAddress([]).of('198.51.100.7', '203.0.113.1')).toBe('198.51.100.7');
    expect(new ClientAddress(['10.0.0.0/8']).of('198.51.100.7', '203.0.113.1')).toBe('198.51.100.7');
  });

  it('takes the rightmost untrusted hop from a trusted peer', () => {
    const a = new ClientAddress(['10.0.0.0/8', '127.0.0.1', '2001:db8::/32']);
    expect(a.of('10.0.0.2', '192.0.2.99, 203.0.113.5')).toBe('203.0.113.5');
    expect(a.of('10.0.0.2', '192.0.2.99, 203.0.113.5, 10.9.9.9')).toBe('203.0.113.5');
    expect(a.of('::ffff:127.0.0.1', '203.0.113.5')).toBe('203.0.113.5');
    expect(a.of('2001:db8::1', '2001:db9::5')).toBe('2001:db9::5');
  });

  it('stops at a hop that is not an address, and keeps the last proxy when every hop is one', () => {
    const a = new ClientAddress(['10.0.0.0/8']);
    expect(a.of('10.0.0.2', 'junk, 10.0.0.3')).toBe('10.0.0.3');
    expect(a.of('10.0.0.2', '10.0.0.4, 10.0.0.3')).toBe('10.0.0.4');
    expect(a.of('10.0.0.2', '')).toBe('10.0.0.2');
  });
});
