// The strongest check on the Query codecs: the real AWS SDK v3 serializes requests we decode,
// and parses responses we serialize.
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteUserCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountSummaryCommand,
  GetUserCommand,
  IAMClient,
  ListUsersCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, ExpiredTokenException, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import { iamError, stsError } from './errors.js';
import { loadModel } from './model.js';
import { clientConfig, startTestEndpoint } from './test-endpoint.js';
import type { TestEndpoint } from './test-endpoint.js';

const created = new Date('2024-01-02T03:04:05Z');
const bob = {
  Path: '/',
  UserName: 'bob',
  UserId: 'AIDAEXAMPLEEXAMPLE01',
  Arn: 'arn:aws:iam::123456789012:user/bob',
  CreateDate: created,
};
const tricky = `a<b>&"c'\r\n\td \u{1F600} ü`;

function iamReply(op: string, input: unknown): unknown {
  const i = input as Record<string, any>;
  switch (op) {
    case 'CreateUser':
      return { User: { ...bob, UserName: i.UserName, Tags: i.Tags } };
    case 'GetUser':
      if (i.UserName === 'ghost') throw iamError('NoSuchEntityException', 'The user with name ghost cannot be found.');
      if (i.UserName === 'boom') throw new AwsError('ServiceFailure', 'Request processing has failed.', 500);
      return { User: { ...bob, Tags: [{ Key: 'note', Value: tricky }] } };
    case 'ListUsers':
      if (i.PathPrefix === '/empty/') return { Users: [], IsTruncated: false };
      return {
        Users: [bob, { ...bob, UserName: 'alice', PasswordLastUsed: created }],
        IsTruncated: true,
        Marker: 'page-2',
      };
    case 'CreateAccessKey':
      return {
        AccessKey: {
          UserName: 'bob',
          AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          Status: 'Active',
          SecretAccessKey: 's/e+c=r',
          CreateDate: created,
        },
      };
    case 'GetAccessKeyLastUsed':
      return { UserName: 'bob', AccessKeyLastUsed: { LastUsedDate: created, ServiceName: 'iam', Region: 'us-east-1' } };
    case 'GetAccountSummary':
      return { SummaryMap: { Users: 2, UsersQuota: 5000, AccountMFAEnabled: 0 } };
    case 'CreateVirtualMFADevice':
      return {
        VirtualMFADevice: {
          SerialNumber: 'arn:aws:iam::123456789012:mfa/m',
          Base32StringSeed: new Uint8Array([0, 1, 254, 255]),
        },
      };
    default:
      return {};
  }
}

describe('IAM through @aws-sdk/client-iam', () => {
  let endpoint: TestEndpoint;
  let client: IAMClient;
  beforeAll(async () => {
    endpoint = await startTestEndpoint(loadModel('iam'), iamReply);
    client = new IAMClient(clientConfig(endpoint));
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
  });

  it('CreateUser: tags travel both ways, CreateDate comes back a Date', async () => {
    const tags = [
      { Key: 'env', Value: 'prod' },
      { Key: 'empty', Value: '' },
    ];
    const out = await client.send(new CreateUserCommand({ UserName: 'bob', Path: '/', Tags: tags }));
    expect(endpoint.calls.at(-1)).toEqual({
      operation: 'CreateUser',
      input: { UserName: 'bob', Path: '/', Tags: tags },
    });
    expect(out.User?.CreateDate).toBeInstanceOf(Date);
    expect(out.User?.CreateDate?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(out.User?.Tags).toEqual(tags);
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it('GetUser: escaped characters survive the round trip', async () => {
    const out = await client.send(new GetUserCommand({ UserName: 'bob' }));
    expect(out.User?.Tags?.[0]?.Value).toBe(tricky);
  });

  it('ListUsers: MaxItems goes out as a number, lists/IsTruncated/Marker come back typed', async () => {
    const out = await client.send(new ListUsersCommand({ MaxItems: 2, Marker: 'page-1' }));
    expect(endpoint.calls.at(-1)?.input).toEqual({ MaxItems: 2, Marker: 'page-1' });
    expect(out.IsTruncated).toBe(true);
    expect(out.Marker).toBe('page-2');
    expect(out.Users?.map((u) => u.UserName)).toEqual(['bob', 'alice']);
    expect(out.Users?.[1]?.PasswordLastUsed).toBeInstanceOf(Date);
  });

  it('ListUsers: an empty list is an empty array', async () => {
    const out = await client.send(new ListUsersCommand({ PathPrefix: '/empty/' }));
    expect(out.Users).toEqual([]);
    expect(out.IsTruncated).toBe(false);
  });

  it('CreateAccessKey and GetAccessKeyLastUsed', async () => {
    const key = await client.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    expect(key.AccessKey).toEqual({
      UserName: 'bob',
      AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      Status: 'Active',
      SecretAccessKey: 's/e+c=r',
      CreateDate: created,
    });
    const used = await client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }));
    expect(used.AccessKeyLastUsed).toEqual({ LastUsedDate: created, ServiceName: 'iam', Region: 'us-east-1' });
  });

  it('GetAccountSummary: entry maps become records of numbers', async () => {
    const out = await client.send(new GetAccountSummaryCommand({}));
    expect(out.SummaryMap).toEqual({ Users: 2, UsersQuota: 5000, AccountMFAEnabled: 0 });
  });

  it('CreateVirtualMFADevice: blobs come back as bytes', async () => {
    const out = await client.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'm' }));
    expect(Array.from(out.VirtualMFADevice?.Base32StringSeed ?? [])).toEqual([0, 1, 254, 255]);
  });

  it('DeleteUser: an output-less operation parses', async () => {
    const out = await client.send(new DeleteUserCommand({ UserName: 'bob' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it('modeled errors map onto the SDK exception class with code and message', async () => {
    const err = await client.send(new GetUserCommand({ UserName: 'ghost' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuchEntityException);
    const e = err as NoSuchEntityException & { Code?: string; Type?: string };
    expect(e.name).toBe('NoSuchEntityException');
    expect(e.Code).toBe('NoSuchEntity');
    expect(e.Type).toBe('Sender');
    expect(e.message).toBe('The user with name ghost cannot be found.');
    expect(e.$fault).toBe('client');
    expect(e.$metadata.httpStatusCode).toBe(404);
  });

  it('validation errors reach the SDK as ValidationError with the AWS wording (IAM does not echo the value)', async () => {
    const err = (await client.send(new CreateUserCommand({ UserName: 'bob!' })).catch((e: unknown) => e)) as Error & {
      Code?: string;
      $metadata: { httpStatusCode?: number };
    };
    expect(err.name).toBe('ValidationError');
    expect(err.Code).toBe('ValidationError');
    expect(err.message).toBe(
      "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('server faults are Receiver/server', async () => {
    const err = (await client.send(new GetUserCommand({ UserName: 'boom' })).catch((e: unknown) => e)) as Error & {
      $fault?: string;
      Type?: string;
    };
    expect(err.name).toBe('ServiceFailureException');
    expect(err.Type).toBe('Receiver');
    expect(err.$fault).toBe('server');
  });
});

describe('STS through @aws-sdk/client-sts', () => {
  let endpoint: TestEndpoint;
  let client: STSClient;
  const expiration = new Date('2030-05-06T07:08:09Z');
  beforeAll(async () => {
    endpoint = await startTestEndpoint(loadModel('sts'), (op, input) => {
      if (op === 'GetCallerIdentity')
        return { UserId: 'AIDAEXAMPLE', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/bob' };
      if ((input as { RoleSessionName?: string }).RoleSessionName === 'expired') {
        throw stsError('ExpiredTokenException', 'The security token included in the request is expired');
      }
      return {
        Credentials: {
          AccessKeyId: 'ASIAEXAMPLE',
          SecretAccessKey: 'secret',
          SessionToken: 'token',
          Expiration: expiration,
        },
        AssumedRoleUser: { AssumedRoleId: 'AROAEXAMPLE:s1', Arn: 'arn:aws:sts::123456789012:assumed-role/dev/s1' },
        PackedPolicySize: 7,
      };
    });
    client = new STSClient(clientConfig(endpoint));
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
  });

  it('GetCallerIdentity', async () => {
    const out = await client.send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      UserId: 'AIDAEXAMPLE',
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/bob',
    });
    expect(endpoint.calls.at(-1)).toEqual({ operation: 'GetCallerIdentity', input: {} });
  });

  it('AssumeRole: PolicyArns/Tags decode, Expiration is a Date, PackedPolicySize a number', async () => {
    const request = {
      RoleArn: 'arn:aws:iam::123456789012:role/dev',
      RoleSessionName: 's1',
      DurationSeconds: 900,
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      Tags: [{ Key: 'team', Value: 'blue' }],
      TransitiveTagKeys: ['team'],
    };
    const out = await client.send(new AssumeRoleCommand(request));
    expect(endpoint.calls.at(-1)?.input).toEqual(request);
    expect(out.Credentials?.Expiration).toEqual(expiration);
    expect(out.PackedPolicySize).toBe(7);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/dev/s1');
  });

  it('errors: modeled and validation', async () => {
    const base = { RoleArn: 'arn:aws:iam::123456789012:role/dev' };
    const expired = await client
      .send(new AssumeRoleCommand({ ...base, RoleSessionName: 'expired' }))
      .catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(ExpiredTokenException);
    expect((expired as Error).message).toBe('The security token included in the request is expired');

    const invalid = (await client
      .send(new AssumeRoleCommand({ ...base, RoleSessionName: 's1', DurationSeconds: 60 }))
      .catch((e: unknown) => e)) as Error;
    expect(invalid.name).toBe('ValidationError');
    expect(invalid.message).toBe(
      "1 validation error detected: Value at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });
});
