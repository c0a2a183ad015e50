import { describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../shared/principal.js';
import { modelNamed } from '../wire/index.js';
import { buildApiEvent, buildEvents } from './build-event.js';
import type { AuditedCall } from './entries.js';

const ACCOUNT = '123456789012';
const alice: UserPrincipal = {
  kind: 'user',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  userId: 'AIDAEXAMPLEALICE00001',
  userName: 'alice',
  path: '/',
};

function call(overrides: Partial<AuditedCall> = {}): AuditedCall {
  return {
    requestId: '6c2f6a58-9a3e-4b2b-8f7e-0123456789ab',
    at: new Date(Date.UTC(2026, 10, 23, 10, 47, 17, 345)),
    sourceIp: '203.0.113.9',
    userAgent: 'aws-cli/2.15.0 "quoted"\u0001',
    service: 'iam',
    operation: 'CreateUser',
    region: 'us-east-1',
    principal: alice,
    accessKeyId: 'AKIAEXAMPLEALICE0001',
    input: { UserName: 'bob', Path: '/' },
    output: { User: { UserName: 'bob', UserId: 'AIDAEXAMPLEBOB000001' } },
    ...overrides,
  };
}

describe('a built API record', () => {
  it("is CloudTrail's record, members in CloudTrail's order, as JSON.stringify writes it", () => {
    const e = buildApiEvent(call(), ACCOUNT, modelNamed);
    const record = JSON.parse(e.record) as Record<string, unknown>;
    expect(JSON.stringify(record)).toBe(e.record);
    expect(record).toEqual({
      eventVersion: '1.08',
      userIdentity: {
        type: 'IAMUser',
        principalId: alice.userId,
        arn: alice.arn,
        accountId: ACCOUNT,
        accessKeyId: 'AKIAEXAMPLEALICE0001',
        userName: 'alice',
      },
      eventTime: '2026-11-23T10:47:17Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.9',
      userAgent: 'aws-cli/2.15.0 "quoted"\u0001',
      requestParameters: { userName: 'bob', path: '/' },
      responseElements: { user: { userName: 'bob', userId: 'AIDAEXAMPLEBOB000001' } },
      requestID: '6c2f6a58-9a3e-4b2b-8f7e-0123456789ab',
      eventID: e.eventId,
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    });
    expect(Object.keys(record)).toEqual([
      'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress',
      'userAgent', 'requestParameters', 'responseElements', 'requestID', 'eventID', 'readOnly', 'eventType',
      'managementEvent', 'recipientAccountId', 'eventCategory',
    ]); // prettier-ignore
    expect(e.eventTime).toBe('2026-11-23T10:47:17.345Z');
    expect(e).toMatchObject({ accountId: ACCOUNT, username: 'alice', accessKeyId: 'AKIAEXAMPLEALICE0001' });
    expect(e.resources).toEqual([{ type: 'AWS::IAM::User', name: 'bob' }]);
  });

  it('a failed, denied call records its error and the decisions between the response and the request ID', () => {
    const e = buildApiEvent(
      call({
        output: undefined,
        error: { code: 'AccessDenied', message: 'User: alice is not "authorized"', status: 403 },
        decisions: [{ action: 'iam:CreateUser', resource: '*', decision: 'ImplicitDeny', matched: [] }],
      }),
      ACCOUNT,
      modelNamed,
    );
    const record = JSON.parse(e.record) as Record<string, unknown>;
    expect(JSON.stringify(record)).toBe(e.record);
    expect(Object.keys(record).slice(8, 14)).toEqual([
      'errorCode',
      'errorMessage',
      'requestParameters',
      'responseElements',
      'additionalEventData',
      'requestID',
    ]);
    expect(record).toMatchObject({
      errorCode: 'AccessDenied',
      errorMessage: 'User: alice is not "authorized"',
      responseElements: null,
      additionalEventData: {
        Authorizations: [{ Action: 'iam:CreateUser', Resource: '*', Decision: 'ImplicitDeny', MatchedStatements: [] }],
      },
    });
  });

  it("a batch's calls from one principal and client share one template; each keeps its own time, IDs and parameters", () => {
    const calls = [
      call(),
      call({ requestId: 'r2', at: new Date(Date.UTC(2026, 10, 23, 10, 47, 18)), input: { UserName: 'carol' } }),
      call({ operation: 'GetUser', input: {} }),
    ];
    const events = buildEvents(calls, ACCOUNT, modelNamed, (err) => {
      throw err;
    });
    const [a, b, c] = events.map((e) => e.parts!);
    expect(a!.template).toBe(b!.template);
    expect(c!.template).not.toBe(a!.template);
    const second = JSON.parse(events[1]!.record) as Record<string, unknown>;
    expect(second).toMatchObject({ eventTime: '2026-11-23T10:47:18Z', requestID: 'r2', eventID: events[1]!.eventId });
    expect(second.requestParameters).toEqual({ userName: 'carol' });
    expect(JSON.parse(events[2]!.record)).toMatchObject({ eventName: 'GetUser', readOnly: true });
  });

  it('a call with an invalid time is refused, not stored with a broken record', () => {
    const errors: unknown[] = [];
    const events = buildEvents([call({ at: new Date(Number.NaN) })], ACCOUNT, modelNamed, (err) => errors.push(err));
    expect(events).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});
