import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src/sigv4/index.js';
import { type TestWard, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

const action = fc.oneof(
  fc.constantFrom(
    'CreateUser',
    'ListUsers',
    'PutUserPolicy',
    'CreateRole',
    'TagUser',
    'SimulateCustomPolicy',
    'AssumeRole',
    'GetCallerIdentity',
  ),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{"Version":"2012-10-17"}', '<&>"\'', '%00', '\u0000\u0001', 'x'.repeat(3000)),
);
const body = fc
  .tuple(
    action,
    fc.constantFrom('2010-05-08', '2011-06-15', 'bogus'),
    fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            'UserName',
            'PolicyDocument',
            'PolicyName',
            'Tags.member.1.Key',
            'RoleArn',
            'ActionNames.member.1',
          ),
          fc.string({ maxLength: 10 }),
        ),
        value,
      ),
      { maxLength: 6 },
    ),
  )
  .map(([a, v, ps]) => new URLSearchParams([['Action', a], ['Version', v], ...ps]).toString());

describe('the API answers any signed request with an AWS-shaped reply, never a 500 (fuzz over HTTP)', () => {
  it('random Query requests', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('iam', 'sts'), async (form, service) => {
        const signed = signRequest({
          method: 'POST',
          url: `${t.url}/`,
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body: form,
          credentials: t.root,
          region: 'us-east-1',
          service,
        });
        const res = await fetch(`${t.url}/`, {
          method: 'POST',
          headers: signed.headers.filter(([k]) => k.toLowerCase() !== 'host'),
          body: form,
        });
        const text = await res.text();
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(text).toMatch(
            /^<ErrorResponse xmlns="[^"]+"><Error><Type>Sender<\/Type><Code>[A-Za-z]+<\/Code><Message>[^<]*<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
          );
        } else {
          expect(text).toMatch(/^<\w+Response xmlns="/);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
