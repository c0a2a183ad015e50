import { GetUserCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmzDate } from '../src/sigv4/index.js';
import { rawRequest } from './support/raw-http.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 20: in emulator mode an unknown access key acts as user/moto with full rights and /moto-api/reset wipes
 * the store, so any web page the developer visits could drive them with a plain HTML form (a
 * "simple" request: no CORS preflight) carrying a made-up presigned key. Requests a browser marks
 * cross-origin (Sec-Fetch-Site, Origin) are refused; SDKs send neither header.
 */

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard({ emulator: true });
});
afterAll(() => t.close());

/** A presigned-looking query with a key nobody issued: emulator mode takes it as its default caller. */
function madeUpPresign(): string {
  const amzDate = formatAmzDate(Date.now());
  const credential = encodeURIComponent(`AKIAFAKEFAKEFAKE1234/${amzDate.slice(0, 8)}/us-east-1/iam/aws4_request`);
  return `/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}&X-Amz-Date=${amzDate}&X-Amz-SignedHeaders=host&X-Amz-Signature=${'0'.repeat(64)}`;
}

const form = (host: string, extra: Array<[string, string]>): Array<[string, string]> => [
  ['host', host],
  ['content-type', 'application/x-www-form-urlencoded'],
  ...extra,
];

describe('emulator mode refuses cross-origin browser requests', () => {
  it('refuses a cross-site form that would create a user as root', async () => {
    const host = new URL(t.url).host;
    const attack = await rawRequest(
      t.url,
      'POST',
      madeUpPresign(),
      form(host, [
        ['origin', 'https://evil.example'],
        ['sec-fetch-site', 'cross-site'],
        ['sec-fetch-mode', 'navigate'],
      ]),
      'Action=CreateUser&UserName=pwned&Version=2010-05-08',
    );
    expect(attack.status).toBe(403);
    expect(JSON.parse(attack.body).message).toContain('cross-origin');
    expect((await caught(() => t.iam().send(new GetUserCommand({ UserName: 'pwned' })))).name).toBe(
      'NoSuchEntityException',
    );

    // The same call from a test suite (no browser headers) is what emulator mode is for.
    const sdk = await rawRequest(
      t.url,
      'POST',
      madeUpPresign(),
      form(host, []),
      'Action=CreateUser&UserName=from-a-test&Version=2010-05-08',
    );
    expect(sdk.status).toBe(200);
  });

  it('refuses /moto-api/reset from another origin or site, and keeps the store', async () => {
    const host = new URL(t.url).host;
    for (const headers of [
      [['origin', 'https://evil.example']],
      [['origin', 'null']],
      [['sec-fetch-site', 'same-site']],
    ] as Array<Array<[string, string]>>) {
      const res = await rawRequest(t.url, 'POST', '/moto-api/reset', [['host', host], ...headers], '');
      expect(res.status).toBe(403);
    }
    expect((await t.iam().send(new GetUserCommand({ UserName: 'from-a-test' }))).User?.UserName).toBe('from-a-test');
  });

  it('answers a same-origin browser request', async () => {
    const host = new URL(t.url).host;
    const res = await rawRequest(
      t.url,
      'POST',
      '/moto-api/reset-auth',
      [
        ['host', host],
        ['origin', `http://${host}`],
        ['sec-fetch-site', 'same-origin'],
      ],
      '0',
    );
    expect(res.status).toBe(200);
  });
});
