import { describe, expect, it } from 'vitest';
import { classifyAuthorizeCaller, isLoopback, tokenMatches } from './authorize-caller.js';

const TOKEN = 'platform-token-0123456789';

describe('classifyAuthorizeCaller', () => {
  it('is closed when neither a token nor the loopback opt-out is configured', () => {
    const c = classifyAuthorizeCaller({}, undefined, '127.0.0.1', []);
    expect(c).toMatchObject({ kind: 'refused', status: 403, code: 'AccessDenied' });
    expect(c.kind === 'refused' && c.message).toMatch(/WARD_AUTHORIZE_TOKEN/);
    expect(classifyAuthorizeCaller({}, `Bearer ${TOKEN}`, '127.0.0.1', [])).toMatchObject({
      kind: 'refused',
      status: 401,
    });
  });

  it('accepts the configured token only', () => {
    expect(classifyAuthorizeCaller({ token: TOKEN }, `Bearer ${TOKEN}`, '10.0.0.5', [])).toEqual({ kind: 'platform' });
    expect(classifyAuthorizeCaller({ token: TOKEN }, `bearer  ${TOKEN}`, '10.0.0.5', [])).toEqual({ kind: 'platform' });
    expect(classifyAuthorizeCaller({ token: TOKEN }, `Bearer ${TOKEN}x`, '10.0.0.5', [])).toMatchObject({
      kind: 'refused',
      status: 401,
    });
    expect(classifyAuthorizeCaller({ token: TOKEN }, TOKEN, '10.0.0.5', [])).toMatchObject({
      kind: 'refused',
      status: 401,
    });
    expect(classifyAuthorizeCaller({ token: TOKEN }, undefined, '127.0.0.1', [])).toMatchObject({
      kind: 'refused',
      status: 401,
    });
  });

  it('lets loopback peers in without a token only when opted in, and never through a proxy', () => {
    const access = { allowLoopbackWithoutToken: true };
    expect(classifyAuthorizeCaller(access, undefined, '127.0.0.1', ['Host'])).toEqual({ kind: 'loopback' });
    expect(classifyAuthorizeCaller(access, undefined, '::ffff:127.0.0.1', [])).toEqual({ kind: 'loopback' });
    expect(classifyAuthorizeCaller(access, undefined, '::1', [])).toEqual({ kind: 'loopback' });
    expect(classifyAuthorizeCaller(access, undefined, '192.0.2.7', [])).toMatchObject({ kind: 'refused', status: 403 });
    expect(classifyAuthorizeCaller(access, undefined, '127.0.0.1', ['X-Forwarded-For'])).toMatchObject({
      kind: 'refused',
      status: 403,
    });
    // With a token too, remote callers still need it.
    expect(classifyAuthorizeCaller({ ...access, token: TOKEN }, undefined, '192.0.2.7', [])).toMatchObject({
      kind: 'refused',
      status: 401,
    });
    expect(classifyAuthorizeCaller({ ...access, token: TOKEN }, undefined, '127.0.0.1', [])).toEqual({
      kind: 'loopback',
    });
  });
});

describe('helpers', () => {
  it('compares tokens of any length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', '')).toBe(false);
  });

  it('knows loopback addresses', () => {
    expect(isLoopback('127.8.9.10')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
    expect(isLoopback('::2')).toBe(false);
  });
});
