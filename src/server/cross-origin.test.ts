import { describe, expect, it } from 'vitest';
import { type BrowserFacts, crossOriginRefusal } from './cross-origin.js';

const base: BrowserFacts = {
  method: 'POST',
  path: '/',
  host: '127.0.0.1:4599',
  origin: undefined,
  secFetchSite: undefined,
  secFetchMode: undefined,
  secure: false,
};

describe('crossOriginRefusal', () => {
  it('lets SDK requests (no Origin, no Sec-Fetch-*) and same-origin browser requests through', () => {
    expect(crossOriginRefusal(base)).toBeUndefined();
    expect(
      crossOriginRefusal({ ...base, origin: 'http://127.0.0.1:4599', secFetchSite: 'same-origin' }),
    ).toBeUndefined();
    expect(crossOriginRefusal({ ...base, secFetchSite: 'none' })).toBeUndefined();
  });

  it('refuses cross-site and same-site requests, and foreign or opaque origins', () => {
    expect(crossOriginRefusal({ ...base, secFetchSite: 'cross-site' })).toBe('Sec-Fetch-Site: cross-site');
    expect(crossOriginRefusal({ ...base, secFetchSite: 'same-site' })).toBe('Sec-Fetch-Site: same-site');
    expect(crossOriginRefusal({ ...base, origin: 'https://evil.example' })).toBe('Origin: https://evil.example');
    expect(crossOriginRefusal({ ...base, origin: 'null' })).toBe('Origin: null');
    expect(crossOriginRefusal({ ...base, origin: 'https://127.0.0.1:4599' })).toBeDefined();
    expect(crossOriginRefusal({ ...base, origin: 'http://127.0.0.1:4599', host: undefined })).toBeDefined();
  });

  it('still refuses a cross-site navigation to the API or /moto-api, but not to the console', () => {
    const nav = { ...base, method: 'GET', secFetchSite: 'cross-site', secFetchMode: 'navigate' };
    expect(crossOriginRefusal({ ...nav, path: '/' })).toBeDefined();
    expect(crossOriginRefusal({ ...nav, path: '/moto-api/reset' })).toBeDefined();
    expect(crossOriginRefusal({ ...nav, path: '/console/users' })).toBeUndefined();
    expect(crossOriginRefusal({ ...nav, method: 'POST', path: '/console/users' })).toBeDefined();
  });

  it("lets an IdP's cross-site form post reach POST /saml (the signed assertion is the credential)", () => {
    const post = { ...base, secFetchSite: 'cross-site', secFetchMode: 'navigate', origin: 'https://idp.example' };
    expect(crossOriginRefusal({ ...post, path: '/saml' })).toBeUndefined();
    expect(crossOriginRefusal({ ...post, path: '/console/saml' })).toBeDefined();
    expect(crossOriginRefusal({ ...post, secFetchMode: 'cors', path: '/saml' })).toBeDefined();
    expect(crossOriginRefusal({ ...post, path: `/saml/acs/${'A'.repeat(26)}` })).toBeUndefined();
    expect(crossOriginRefusal({ ...post, path: '/saml/acs/../x' })).toBeDefined();
  });

  it("lets a broker's sign-in link reach GET /federation (the sealed token is the credential), and nothing else", () => {
    const nav = { ...base, method: 'GET', secFetchSite: 'cross-site', secFetchMode: 'navigate' };
    expect(crossOriginRefusal({ ...nav, path: '/federation' })).toBeUndefined();
    expect(crossOriginRefusal({ ...nav, method: 'POST', path: '/federation' })).toBeDefined();
    expect(crossOriginRefusal({ ...nav, secFetchMode: 'cors', path: '/federation' })).toBeDefined();
  });
});
