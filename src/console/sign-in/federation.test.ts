import { describe, expect, it } from 'vitest';
import { destinationPath } from './federation.js';

describe('destinationPath', () => {
  const origin = 'http://127.0.0.1:4599';
  it('keeps a console page of this Ward, by URL or path', () => {
    expect(destinationPath(`${origin}/console/users?tab=1`, origin)).toBe('/console/users?tab=1');
    expect(destinationPath('/console/roles', origin)).toBe('/console/roles');
    expect(destinationPath(`${origin}/console`, origin)).toBe('/console');
  });

  it('sends anything else to the console home: other sites, AWS’s console, other paths, tricks', () => {
    for (const d of [
      undefined,
      'https://console.aws.amazon.com/',
      'https://evil.example/console/home',
      '//evil.example/console/home',
      `${origin}/authorize`,
      `${origin}/console//evil.example`,
      `${origin}/consolex`,
      'javascript:alert(1)',
      '/\\evil.example',
    ])
      expect(destinationPath(d, origin), String(d)).toBe('/console/home');
  });
});
