import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  CloudTrailClient,
  type Event,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  GetUserCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN } from '../src/audit/redact.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';
import { policy, userWithKey } from './support/users.js';

const run = promisify(execFile);
const WARD = fileURLToPath(new URL('../bin/ward.js', import.meta.url));

let t: TestWard;
let offsetMs = 0;
let alice: Credentials;

const cloudtrail = (credentials?: Credentials) =>
  new CloudTrailClient({ endpoint: t.url, region: 'us-east-1', credentials: credentials ?? t.root, maxAttempts: 1 });

async function lookup(input: LookupEventsCommandInput, credentials?: Credentials): Promise<Event[]> {
  return (await cloudtrail(credentials).send(new LookupEventsCommand(input))).Events ?? [];
}

const record = (e: Event): Record<string, any> => JSON.parse(e.CloudTrailEvent!) as Record<string, any>;

beforeAll(async () => {
  t = await startTestWard({ clock: () => new Date(Date.now() + offsetMs) });
  alice = await userWithKey(t, 'alice', {
    read: policy({ Effect: 'Allow', Action: ['iam:GetUser', 'cloudtrail:LookupEvents'], Resource: '*' }),
  });
});
afterAll(() => t.close());

describe('the audit trail', () => {
  it('records allowed calls with CloudTrail fields and the root identity', async () => {
    await t.iam().send(new CreateUserCommand({ UserName: 'bob' }));
    const [event] = await lookup({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }],
      MaxResults: 1,
    });
    expect(event).toBeDefined();
    expect(event!.EventName).toBe('CreateUser');
    expect(event!.EventSource).toBe('iam.amazonaws.com');
    expect(event!.ReadOnly).toBe('false');
    expect(event!.Username).toBe('root');
    expect(event!.AccessKeyId).toBe(t.root.accessKeyId);
    expect(event!.Resources).toEqual([{ ResourceType: 'AWS::IAM::User', ResourceName: 'bob' }]);
    expect(Math.abs(event!.EventTime!.getTime() - Date.now())).toBeLessThan(60_000);
    const r = record(event!);
    expect(r).toMatchObject({
      eventVersion: '1.08',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      eventType: 'AwsApiCall',
      managementEvent: true,
      eventCategory: 'Management',
      recipientAccountId: t.accountId,
      readOnly: false,
      requestParameters: { userName: 'bob' },
      userIdentity: {
        type: 'Root',
        principalId: t.accountId,
        arn: `arn:aws:iam::${t.accountId}:root`,
        accountId: t.accountId,
        accessKeyId: t.root.accessKeyId,
      },
    });
    expect(r.eventID).toBe(event!.EventId);
    expect(r.requestID).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.userAgent).toContain('aws-sdk-js');
    expect(r.responseElements.user.userName).toBe('bob');
    expect(r.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('records denied and invalid calls with errorCode and errorMessage, and the IAM user identity', async () => {
    const denied = await caught(() => t.iam(alice).send(new ListUsersCommand({})));
    expect(denied.name).toBe('AccessDenied');
    await t.iam(alice).send(new GetUserCommand({}));
    await caught(() => t.iam().send(new CreateUserCommand({ UserName: 'bad name!' })));

    const byAlice = await lookup({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }] });
    const list = byAlice.find((e) => e.EventName === 'ListUsers')!;
    expect(list.ReadOnly).toBe('true');
    expect(list.AccessKeyId).toBe(alice.accessKeyId);
    const r = record(list);
    expect(r.errorCode).toBe('AccessDenied');
    expect(r.errorMessage).toBe(denied.message);
    expect(r.responseElements).toBeNull();
    expect(r.userIdentity).toMatchObject({
      type: 'IAMUser',
      userName: 'alice',
      arn: `arn:aws:iam::${t.accountId}:user/alice`,
      accessKeyId: alice.accessKeyId,
    });
    expect(r.userIdentity.principalId).toMatch(/^AIDA/);
    expect(record(byAlice.find((e) => e.EventName === 'GetUser')!).errorCode).toBeUndefined();

    const invalid = (
      await lookup({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'bad name!' }] })
    )[0]!;
    expect(record(invalid)).toMatchObject({
      eventName: 'CreateUser',
      errorCode: 'ValidationError',
      requestParameters: { userName: 'bad name!' },
    });
  });

  it('records failed authentication, with or without a known principal', async () => {
    const wrongSecret = { accessKeyId: alice.accessKeyId, secretAccessKey: 'x'.repeat(40) };
    await caught(() => t.sts(wrongSecret).send(new GetCallerIdentityCommand({})));
    const [failed] = await lookup({
      LookupAttributes: [{ AttributeKey: 'AccessKeyId', AttributeValue: alice.accessKeyId }],
      MaxResults: 1,
    });
    expect(failed!.EventName).toBe('GetCallerIdentity');
    expect(failed!.EventSource).toBe('sts.amazonaws.com');
    expect(record(failed!)).toMatchObject({
      errorCode: 'SignatureDoesNotMatch',
      userIdentity: { type: 'AWSAccount', accountId: t.accountId, accessKeyId: alice.accessKeyId },
    });
    expect(JSON.stringify(record(failed!))).not.toContain('x'.repeat(40));
  });

  it('filters by EventName, Username, AccessKeyId, EventSource, ReadOnly and time, and pages with NextToken', async () => {
    const iam = t.iam();
    const start = new Date();
    for (let i = 0; i < 7; i++) await iam.send(new GetUserCommand({ UserName: 'bob' }));
    await t.sts().send(new GetCallerIdentityCommand({}));
    const byName = await lookup({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetUser' }],
      StartTime: new Date(start.getTime() - 1000),
    });
    expect(byName.filter((e) => e.Username === 'root')).toHaveLength(7);
    expect(byName.every((e) => e.EventName === 'GetUser')).toBe(true);
    const times = byName.map((e) => e.EventTime!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const sts = await lookup({
      LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'sts.amazonaws.com' }],
    });
    expect(sts.some((e) => e.EventName === 'GetCallerIdentity' && e.Username === 'root')).toBe(true);
    const byKey = await lookup({
      LookupAttributes: [{ AttributeKey: 'AccessKeyId', AttributeValue: t.root.accessKeyId }],
    });
    expect(byKey.every((e) => e.AccessKeyId === t.root.accessKeyId)).toBe(true);
    const writes = await lookup({ LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }] });
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((e) => e.ReadOnly === 'false')).toBe(true);
    expect(await lookup({ EndTime: new Date(start.getTime() - 3_600_000) })).toEqual([]);

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await cloudtrail().send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetUser' }],
          MaxResults: 3,
          NextToken: token,
        }),
      );
      expect(page.Events!.length).toBeLessThanOrEqual(3);
      seen.push(...page.Events!.map((e) => e.EventId!));
      token = page.NextToken;
      pages += 1;
    } while (token);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(byName.map((e) => e.EventId));

    const two = await caught(() =>
      lookup({
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'GetUser' },
          { AttributeKey: 'Username', AttributeValue: 'root' },
        ],
      }),
    );
    expect(two.name).toBe('InvalidLookupAttributesException');
    expect((await caught(() => lookup({ NextToken: 'garbage' }))).name).toBe('InvalidNextTokenException');
  });

  it('authorizes cloudtrail:LookupEvents and shows only the caller’s account', async () => {
    const bob = await t.iam().send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    const bobKey = { accessKeyId: bob.AccessKey!.AccessKeyId!, secretAccessKey: bob.AccessKey!.SecretAccessKey! };
    expect((await caught(() => lookup({}, bobKey))).name).toBe('AccessDeniedException');
    const asAlice = await lookup({}, alice);
    expect(asAlice.length).toBeGreaterThan(0);
    expect(asAlice.every((e) => record(e).recipientAccountId === t.accountId)).toBe(true);
  });

  it('never stores secrets: access keys, passwords', async () => {
    const created = await t.iam().send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    const secret = created.AccessKey!.SecretAccessKey!;
    const password = 'Corr3ct-Horse-Battery-Staple!';
    const login = await t
      .iam()
      .send(new CreateLoginProfileCommand({ UserName: 'bob', Password: password }))
      .then(
        () => true,
        () => false,
      );
    const mfa = await t
      .iam()
      .send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bob-phone' }))
      .catch(() => undefined);
    const seed = mfa?.VirtualMFADevice?.Base32StringSeed
      ? Buffer.from(mfa.VirtualMFADevice.Base32StringSeed).toString('utf8')
      : undefined;
    await t.ward.flush();

    const keyEvent = (
      await lookup({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateAccessKey' }],
        MaxResults: 1,
      })
    )[0]!;
    const r = record(keyEvent);
    expect(r.responseElements.accessKey.accessKeyId).toBe(created.AccessKey!.AccessKeyId);
    expect(r.responseElements.accessKey.secretAccessKey).toBe(HIDDEN);
    if (login) {
      const loginEvent = (
        await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateLoginProfile' }] })
      )[0]!;
      expect(record(loginEvent).requestParameters.password).toBe(HIDDEN);
    }

    const all = JSON.stringify(await lookup({ MaxResults: 50 }));
    expect(all).not.toContain(secret);
    expect(all).not.toContain(password);
    if (seed) expect(all).not.toContain(seed);
    if (!t.databaseUrl) {
      const raw = Buffer.concat(
        readdirSync(t.dataDir)
          .filter((f) => f.startsWith('ward.sqlite') || f.startsWith('audit.sqlite'))
          .map((f) => readFileSync(join(t.dataDir, f))),
      );
      expect(raw.includes(Buffer.from(r.requestID as string))).toBe(true);
      expect(raw.includes(Buffer.from(secret))).toBe(false);
      expect(raw.includes(Buffer.from(password))).toBe(false);
      if (seed) expect(raw.includes(Buffer.from(seed))).toBe(false);
    }
  });

  it('records console sign-ins', async () => {
    t.ward.audit.recordSignIn({
      at: new Date(),
      accountId: t.accountId,
      userName: 'bob',
      sourceIp: '10.0.0.1',
      userAgent: 'browser',
      success: false,
      mfaUsed: false,
    });
    const [e] = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }] });
    expect(e!.EventSource).toBe('signin.amazonaws.com');
    expect(e!.Username).toBe('bob');
    expect(record(e!)).toMatchObject({
      responseElements: { ConsoleLogin: 'Failure' },
      additionalEventData: { MFAUsed: 'No' },
      sourceIPAddress: '10.0.0.1',
    });
  });

  it('`ward events` prints the events as JSON lines, newest last', async () => {
    await t.ward.flush();
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('WARD_')) delete env[k];
    const args = [
      WARD,
      'events',
      ...(t.databaseUrl ? ['--database', t.databaseUrl] : []),
      '--data',
      t.dataDir,
      '--since',
      '1h',
      '--name',
      'GetUser',
    ];
    const { stdout } = await run(process.execPath, args, { env });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { eventName: string; eventTime: string });
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.every((l) => l.eventName === 'GetUser')).toBe(true);
    const times = lines.map((l) => l.eventTime);
    expect([...times].sort()).toEqual(times);
  }, 30_000);

  it('deletes events older than the retention period', async () => {
    await t.ward.flush();
    t.ward.audit.recordSignIn({
      at: new Date(Date.now() - 100 * 86_400_000),
      accountId: t.accountId,
      userName: 'old',
      sourceIp: '10.0.0.1',
      userAgent: 'b',
      success: true,
      mfaUsed: true,
    });
    await t.ward.flush();
    const before = await t.ward.store.events.lookup({ attribute: { key: 'Username', value: 'old' } }, { limit: 10 });
    expect(before.events).toHaveLength(1);
    expect(await t.ward.audit.applyRetention()).toBe(1);
    expect((await lookup({})).length).toBeGreaterThan(0);

    offsetMs = 91 * 86_400_000;
    try {
      expect(await t.ward.audit.applyRetention()).toBeGreaterThan(10);
    } finally {
      offsetMs = 0;
    }
    const left = await t.ward.store.events.lookup({ accountId: t.accountId }, { limit: 50 });
    expect(left.events).toEqual([]);
  });
});
