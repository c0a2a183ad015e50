import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../src/sigv4/index.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, startTestWard } from './support/ward.js';

// aws:SourceIp of a signed API call is the client's address as the edge computes it: behind a
// proxy the operator trusts (WARD_TRUSTED_PROXIES), the address that proxy forwarded; from any
// other peer X-Forwarded-For is the client's own claim and is ignored.
let t: TestWard | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Only calls from 203.0.113.0/24 may read the user. */
const fromOffice = policy({
  Effect: 'Allow',
  Action: 'iam:GetUser',
  Resource: '*',
  Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
});

async function getUser(
  ward: TestWard,
  credentials: Credentials,
  forwardedFor?: string,
): Promise<{ status: number; body: string }> {
  const body = 'Action=GetUser&Version=2010-05-08';
  const signed = signRequest({
    method: 'POST',
    url: `${ward.url}/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
    credentials,
    region: 'us-east-1',
    service: 'iam',
  });
  const headers = new Headers([...signed.headers].map(([k, v]) => [k, v] as [string, string]));
  // Added after signing, as a proxy adds it: SigV4 does not cover it.
  if (forwardedFor !== undefined) headers.set('x-forwarded-for', forwardedFor);
  const res = await fetch(`${ward.url}/`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

describe('aws:SourceIp behind a trusted proxy', () => {
  it('evaluates the address a trusted proxy forwarded, and records it as the source address', async () => {
    t = await startTestWard({ settings: { trustedProxies: '127.0.0.1,::1' } });
    const alice = await userWithKey(t, 'alice', { office: fromOffice });
    const forwarded = await getUser(t, alice, '203.0.113.7');
    expect(forwarded.status).toBe(200);
    expect(forwarded.body).toContain('<UserName>alice</UserName>');
    // The proxy itself (127.0.0.1) is not in the office range.
    const direct = await getUser(t, alice);
    expect(direct.status).toBe(403);
    expect(direct.body).toContain('because no identity-based policy allows the iam:GetUser action');

    const cloudtrail = new CloudTrailClient({
      endpoint: t.url,
      region: 'us-east-1',
      credentials: t.root,
      maxAttempts: 1,
    });
    const events =
      (
        await cloudtrail.send(
          new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetUser' }] }),
        )
      ).Events ?? [];
    const sources = events
      .map((e) => (JSON.parse(e.CloudTrailEvent!) as { sourceIPAddress: string }).sourceIPAddress)
      .sort();
    expect(sources).toEqual(['127.0.0.1', '203.0.113.7']);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    t = await startTestWard({ settings: { trustedProxies: '192.0.2.1' } });
    const alice = await userWithKey(t, 'alice', { office: fromOffice });
    const claimed = await getUser(t, alice, '203.0.113.7');
    expect(claimed.status).toBe(403);
    expect(claimed.body).toContain('AccessDenied');
  });
});
