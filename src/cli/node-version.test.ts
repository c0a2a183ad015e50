import { describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from './node-version.js';

describe('the Node.js version check', () => {
  it('refuses releases older than 22.12 with one line naming the running version', () => {
    for (const version of ['20.20.2', '18.19.0', '22.11.0', '22.0.0', 'v21.7.3']) {
      const message = unsupportedNodeMessage(version);
      expect(message).toBe(`ward: Node.js 22.12 or later is required (24 LTS recommended); this is Node.js ${version}`);
      expect(message).not.toContain('\n');
    }
  });

  it('accepts 22.12 and later, including majors past 24', () => {
    for (const version of ['22.12.0', '22.20.1', '24.0.0', '24.22.3', 'v26.1.0', '100.0.0']) {
      expect(unsupportedNodeMessage(version)).toBeUndefined();
    }
  });

  it('refuses a version it cannot read rather than guessing', () => {
    expect(unsupportedNodeMessage('')).toContain('this is Node.js ');
    expect(unsupportedNodeMessage('abc')).toContain('this is Node.js abc');
  });

  it('accepts the Node.js running the tests, which package.json requires to be supported', () => {
    expect(unsupportedNodeMessage(process.versions.node)).toBeUndefined();
  });
});
