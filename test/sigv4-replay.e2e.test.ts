import { CreateUserCommand, ListUserTagsCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src/sigv4/index.js';
import { rawRequest } from './support/raw-http.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 12, items 11, 12 and 13: what one SigV4 signature may be made to cover. Each test captures a
 * request the root signed and replays it changed in a way the signature does not see.
 */

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

const host = () => new URL(t.url).host;

describe('item 11: X-Amz-Target and every x-amz-* header must be signed', () => {
  it('refuses a captured JSON request replayed as another operation through an unsigned X-Amz-Target', async () => {
    // The client signed the body and host only; X-Amz-Target rode along unsigned.
    const signed = signRequest({
      method: 'POST',
      url: `http://${host()}/`,
      headers: [['content-type', 'application/x-amz-json-1.1']],
      body: '{}',
      credentials: t.root,
      region: 'us-east-1',
      service: 'organizations',
    });
    const replay = await rawRequest(
      t.url,
      'POST',
      '/',
      [...signed.headers, ['X-Amz-Target', 'AWSOrganizationsV20161128.DeleteOrganization']],
      '{}',
    );
    // AWS: "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization." (SignatureDoesNotMatch, 403).
    expect(replay.status).toBe(403);
    expect(JSON.parse(replay.body)).toMatchObject({
      __type: 'SignatureDoesNotMatch',
      Message: "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it('refuses any other unsigned x-amz-* header the same way', async () => {
    const signed = signRequest({
      method: 'POST',
      url: `http://${host()}/`,
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      credentials: t.root,
      region: 'us-east-1',
      service: 'sts',
    });
    const replay = await rawRequest(
      t.url,
      'POST',
      '/',
      [...signed.headers, ['x-amz-content-sha256', 'UNSIGNED-PAYLOAD']],
      'Action=GetCallerIdentity&Version=2011-06-15',
    );
    expect(replay.status).toBe(403);
    expect(replay.body).toContain(
      '<Message>&apos;x-amz-content-sha256&apos; must be a &apos;SignedHeader&apos; in the AWS Authorization.</Message>',
    );
  });

  it('still serves what the SDKs send (they sign X-Amz-Target)', async () => {
    const signed = signRequest({
      method: 'POST',
      url: `http://${host()}/`,
      headers: [
        ['content-type', 'application/x-amz-json-1.1'],
        ['x-amz-target', 'AWSOrganizationsV20161128.DescribeOrganization'],
      ],
      body: '{}',
      credentials: t.root,
      region: 'us-east-1',
      service: 'organizations',
    });
    const res = await rawRequest(t.url, 'POST', '/', signed.headers, '{}');
    expect(res.body).not.toContain('SignedHeader');
  });
});

describe('item 12: + and %2B in the query string', () => {
  it('refuses a signed %2B replayed as +, which the Query decoder reads as a space', async () => {
    await t.iam().send(new CreateUserCommand({ UserName: 'plus-victim' }));
    const query =
      'Action=TagUser&Tags.member.1.Key=team&Tags.member.1.Value=a%2Bb&UserName=plus-victim&Version=2010-05-08';
    const signed = signRequest({
      method: 'GET',
      url: `http://${host()}/?${query}`,
      credentials: t.root,
      region: 'us-east-1',
      service: 'iam',
    });
    const replay = await rawRequest(t.url, 'GET', `/?${query.replace('a%2Bb', 'a+b')}`, signed.headers);
    expect(replay.status).toBe(403);
    expect(replay.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect((await t.iam().send(new ListUserTagsCommand({ UserName: 'plus-victim' }))).Tags).toEqual([]);

    // The request as signed goes through, with the value that was signed.
    const honest = await rawRequest(t.url, 'GET', `/?${query}`, signed.headers);
    expect(honest.status).toBe(200);
    expect((await t.iam().send(new ListUserTagsCommand({ UserName: 'plus-victim' }))).Tags).toEqual([
      { Key: 'team', Value: 'a+b' },
    ]);
  });

  it('reads a signed + as the space it decodes to', async () => {
    const query =
      'Action=TagUser&Tags.member.1.Key=team&Tags.member.1.Value=c+d&UserName=plus-victim&Version=2010-05-08';
    const signed = signRequest({
      method: 'GET',
      url: `http://${host()}/?${query}`,
      credentials: t.root,
      region: 'us-east-1',
      service: 'iam',
    });
    expect((await rawRequest(t.url, 'GET', `/?${query}`, signed.headers)).status).toBe(200);
    expect((await t.iam().send(new ListUserTagsCommand({ UserName: 'plus-victim' }))).Tags).toEqual([
      { Key: 'team', Value: 'c d' },
    ]);
    // …and the same request with %2B is another request, which that signature does not cover.
    expect((await rawRequest(t.url, 'GET', `/?${query.replace('c+d', 'c%2Bd')}`, signed.headers)).status).toBe(403);
  });
});

describe('item 13: the credential scope must name a real region of the service', () => {
  it('refuses IAM signed for another region than its global endpoint’s us-east-1, as AWS does', async () => {
    const err = await caught(() =>
      t.iam(undefined, { region: 'eu-west-1' }).send(new CreateUserCommand({ UserName: 'wrong-region' })),
    );
    expect(err.Code).toBe('SignatureDoesNotMatch');
    expect(err.message).toBe("Credential should be scoped to a valid region, not 'eu-west-1'. ");
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses an invented region for regional STS, and takes a real one', async () => {
    const err = await caught(() => t.sts(undefined, { region: 'mars-north-1' }).send(new GetCallerIdentityCommand({})));
    expect(err.Code).toBe('SignatureDoesNotMatch');
    expect(err.message).toBe("Credential should be scoped to a valid region, not 'mars-north-1'. ");
    expect((await t.sts(undefined, { region: 'eu-west-1' }).send(new GetCallerIdentityCommand({}))).Account).toBe(
      t.accountId,
    );
  });
});

describe('item 18: a JSON body of null', () => {
  it('is a SerializationException on the JSON 1.1 services', async () => {
    const signed = signRequest({
      method: 'POST',
      url: `http://${host()}/`,
      headers: [
        ['content-type', 'application/x-amz-json-1.1'],
        ['x-amz-target', 'AWSOrganizationsV20161128.ListAccounts'],
      ],
      body: 'null',
      credentials: t.root,
      region: 'us-east-1',
      service: 'organizations',
    });
    const res = await rawRequest(t.url, 'POST', '/', signed.headers, 'null');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'SerializationException' });
  });

  it('is a SerializationException on the REST-JSON Account service', async () => {
    const signed = signRequest({
      method: 'POST',
      url: `http://${host()}/getContactInformation`,
      headers: [['content-type', 'application/json']],
      body: ' null ',
      credentials: t.root,
      region: 'us-east-1',
      service: 'account',
    });
    const res = await rawRequest(t.url, 'POST', '/getContactInformation', signed.headers, ' null ');
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toMatch(/^SerializationException/);
  });
});
