import { describe, expect, it } from 'vitest';
import { type MetricsAccess, metricsAccess } from './access.js';

const TOKEN = 'metrics-token-0123456789';
const local = { peer: '127.0.0.1', headers: {} };
const remote = { peer: '10.1.2.3', headers: {} };
const bearer = (token: string, peer = '10.1.2.3') => ({ peer, headers: { authorization: `Bearer ${token}` } });
const status = (access: MetricsAccess, req: Parameters<typeof metricsAccess>[1]) => {
  const v = metricsAccess(access, req);
  return v.allowed ? 200 : v.status;
};

describe('who may read /metrics', () => {
  it('by default (loopback): this host only, not through a proxy, not a web page in a browser', () => {
    const access: MetricsAccess = { mode: 'loopback' };
    expect(status(access, local)).toBe(200);
    expect(status(access, { peer: '::ffff:127.0.0.1', headers: {} })).toBe(200);
    expect(status(access, { peer: '::1', headers: {} })).toBe(200);
    expect(status(access, remote)).toBe(403);
    expect(status(access, { peer: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } })).toBe(403);
    expect(status(access, { peer: '127.0.0.1', headers: { 'sec-fetch-site': 'same-origin' } })).toBe(403);
    expect(status(access, { peer: '127.0.0.1', headers: { origin: 'http://evil.example' } })).toBe(403);
    // Someone typing the address into a browser on this host.
    expect(status(access, { peer: '127.0.0.1', headers: { 'sec-fetch-site': 'none' } })).toBe(200);
  });

  it('with a token: a remote scraper that presents it, and nobody with a wrong one, even locally', () => {
    const access: MetricsAccess = { mode: 'loopback', token: TOKEN };
    expect(status(access, bearer(TOKEN))).toBe(200);
    expect(status(access, remote)).toBe(401);
    expect(status(access, bearer('wrong-token-0123456789'))).toBe(401);
    expect(status(access, bearer('wrong-token-0123456789', '127.0.0.1'))).toBe(401);
    expect(status(access, local)).toBe(200);
  });

  it('on: anyone; off: nobody, token or not', () => {
    expect(status({ mode: 'on' }, remote)).toBe(200);
    expect(status({ mode: 'on', token: TOKEN }, bearer('wrong-token-0123456789'))).toBe(401);
    expect(status({ mode: 'off', token: TOKEN }, bearer(TOKEN))).toBe(404);
    expect(status({ mode: 'off' }, local)).toBe(404);
  });
});
