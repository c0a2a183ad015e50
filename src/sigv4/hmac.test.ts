import { createHmac, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HmacSha256 } from './hmac.js';

describe('HmacSha256', () => {
  it('equals createHmac for short, long, non-ASCII and empty messages', () => {
    const key = randomBytes(32);
    const hmac = new HmacSha256(key);
    const messages = [
      '',
      'a',
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n' + 'f'.repeat(64),
    ];
    messages.push(
      'x'.repeat(341),
      'x'.repeat(342),
      'x'.repeat(5000),
      'région-ü-€-😀'.repeat(40),
      '\ud800 lone surrogate',
    );
    for (const message of messages) {
      expect(hmac.digestHex(message)).toBe(createHmac('sha256', key).update(message, 'utf8').digest('hex'));
    }
  });

  it('equals createHmac for keys shorter and longer than a block', () => {
    for (const length of [0, 1, 32, 64, 65, 200]) {
      const key = randomBytes(length);
      expect(new HmacSha256(key).digestHex('message')).toBe(createHmac('sha256', key).update('message').digest('hex'));
    }
  });

  it('keeps separate instances independent (shared scratch buffers)', () => {
    const [k1, k2] = [randomBytes(32), randomBytes(32)];
    const [a, b] = [new HmacSha256(k1), new HmacSha256(k2)];
    expect(a.digestHex('m')).toBe(createHmac('sha256', k1).update('m').digest('hex'));
    expect(b.digestHex('m')).toBe(createHmac('sha256', k2).update('m').digest('hex'));
    expect(a.digestHex('m')).toBe(createHmac('sha256', k1).update('m').digest('hex'));
  });

  it('does not show key material when inspected', () => {
    const key = Buffer.alloc(32, 0xab);
    const text = inspect(new HmacSha256(key), { showHidden: true, depth: 5 });
    expect(text).not.toMatch(/ab ab|9d 9d|f7 f7/);
  });
});
