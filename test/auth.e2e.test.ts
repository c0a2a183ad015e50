import { CreateUserCommand, type IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CreateAccessKeyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccessKeyId } from '../src/shared/ids.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('SigV4 authentication over HTTP', () => {
  it('accepts the root key and names the caller', async () => {
    const who = await t.sts().send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ UserId: t.accountId, Account: t.accountId, Arn: `arn:aws:iam::${t.accountId}:root` });
  });

  it('refuses a bad signature with AWS message', async () => {
    const err = await caught(() =>
      t.sts({ ...t.root, secretAccessKey: 'x'.repeat(40) }).send(new GetCallerIdentityCommand({})),
    );
    expect(err.Code).toBe('SignatureDoesNotMatch');
    expect(err.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses an unknown key with InvalidClientTokenId', async () => {
    const err = await caught(() =>
      t
        .sts({ accessKeyId: newAccessKeyId('AKIA', '111122223333'), secretAccessKey: 'y'.repeat(40) })
        .send(new GetCallerIdentityCommand({})),
    );
    expect(err.Code).toBe('InvalidClientTokenId');
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  it('refuses a clock skewed by more than 15 minutes, both ways', async () => {
    const late = await caught(() =>
      t.iam(undefined, { systemClockOffset: -20 * 60_000 }).send(new ListUsersCommand({})),
    );
    expect(late.Code).toBe('SignatureDoesNotMatch');
    expect(late.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    const early = await caught(() =>
      t.iam(undefined, { systemClockOffset: 20 * 60_000 }).send(new ListUsersCommand({})),
    );
    expect(early.Code).toBe('SignatureDoesNotMatch');
    expect(early.message).toMatch(
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/,
    );
    // Within the window is fine.
    await t.iam(undefined, { systemClockOffset: 10 * 60_000 }).send(new ListUsersCommand({}));
  });

  it('refuses an unsigned request with MissingAuthenticationToken', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    expect(res.status).toBe(403);
    const xml = await res.text();
    expect(xml).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(xml).toContain('<Message>Request is missing Authentication Token</Message>');
    expect(xml).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });

  it('refuses a malformed Authorization header with IncompleteSignature', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20250101/us-east-1/iam/aws4_request',
      },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>IncompleteSignature</Code>');
  });

  it('a session token with a long-term key is refused', async () => {
    const err = await caught(() =>
      t.sts({ ...t.root, sessionToken: 'not-a-session' }).send(new GetCallerIdentityCommand({})),
    );
    expect(err.Code).toBe('InvalidClientTokenId');
  });
});

describe('authorization before the policy engine', () => {
  it('an IAM user with no policies is denied with the AWS message, but may ask who it is', async () => {
    await t.iam().send(new CreateUserCommand({ UserName: 'bob' }));
    const key = (await t.iam().send(new CreateAccessKeyCommand({ UserName: 'bob' }))).AccessKey!;
    const bob = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const who = await t.sts(bob).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${t.accountId}:user/bob`);
    expect(who.UserId).toMatch(/^AIDA/);
    const err = await caught(() => t.iam(bob).send(new CreateUserCommand({ UserName: 'alice' })));
    expect(err.Code).toBe('AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/bob is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${t.accountId}:user/alice because no identity-based policy allows the iam:CreateUser action`,
    );
  });
});

describe('STS GetAccessKeyInfo', () => {
  it('names the account of a key it holds, and decodes one it does not', async () => {
    const sts = t.sts();
    expect((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: t.root.accessKeyId }))).Account).toBe(
      t.accountId,
    );
    const foreign = newAccessKeyId('AKIA', '444455556666');
    expect((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: foreign }))).Account).toBe('444455556666');
  });
});

describe('protocol edges', () => {
  it('an operation Ward does not implement yet answers InvalidAction, not a crash', async () => {
    const { ListDelegationRequestsCommand } = await import('@aws-sdk/client-iam');
    const err = await caught(() => t.iam().send(new ListDelegationRequestsCommand({})));
    expect(err.Code).toBe('InvalidAction');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('an action that does not exist answers InvalidAction with AWS wording', async () => {
    const client = t.iam() as IAMClient & { send: IAMClient['send'] };
    client.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { body: string };
        req.body = req.body.replace('Action=ListUsers', 'Action=ListUserz');
        return next(args);
      },
      { step: 'build' },
    );
    const err = await caught(() => client.send(new ListUsersCommand({})));
    expect(err.Code).toBe('InvalidAction');
    expect(err.message).toBe('Could not find operation ListUserz for version 2010-05-08');
  });

  it('serves /health', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses a body over the limit with 413, and keeps serving', async () => {
    const res = await fetch(t.url, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('<Code>RequestEntityTooLarge</Code>');
    await t.sts().send(new GetCallerIdentityCommand({}));
  });

  it('the moto-api paths do not exist outside emulator mode', async () => {
    const res = await fetch(`${t.url}/moto-api/reset`, { method: 'POST' });
    expect(res.status).not.toBe(200);
  });
});
