import { describe, expect, it } from 'vitest';
import type { AuditedCall, AuditedDecision } from '../../audit/trail.js';
import { type ServiceDef, serviceDef } from '../services.js';
import { CallMetrics, DURATION_BUCKETS, OTHER, OUTCOMES, UNKNOWN } from './call-metrics.js';

const services = new Map<string, ServiceDef>([
  ['iam', serviceDef('iam', 'query', {})],
  ['sts', serviceDef('sts', 'query', {})],
]);
const call = (fields: Partial<AuditedCall>): AuditedCall => ({
  requestId: 'r',
  at: new Date(0),
  sourceIp: '127.0.0.1',
  userAgent: 't',
  ...fields,
});
const denial = (layer: string, decision: AuditedDecision['decision']): AuditedDecision => ({
  action: 'iam:CreateUser',
  resource: '*',
  decision,
  denyingLayer: layer,
  matched: [],
});
const outcomesOf = (m: CallMetrics, door: string, service: string, operation: string) => {
  const s = m.series().find((x) => x.door === door && x.service === service && x.operation === operation);
  return s && Object.fromEntries(OUTCOMES.map((o, i) => [o, s.outcomes[i]]));
};

describe('call metrics', () => {
  it('count each call by door, service, operation and outcome', () => {
    const m = new CallMetrics(services);
    m.observe('api', call({ service: 'iam', operation: 'ListUsers' }), 0.001);
    m.observe(
      'api',
      call({ service: 'iam', operation: 'ListUsers', error: { code: 'AccessDenied', message: 'no', status: 403 } }),
      0.001,
    );
    m.observe(
      'api',
      call({ service: 'iam', operation: 'ListUsers', error: { code: 'NoSuchEntity', message: 'no', status: 404 } }),
      0.001,
    );
    m.observe(
      'api',
      call({ service: 'iam', operation: 'ListUsers', error: { code: 'ServiceFailure', message: 'no', status: 500 } }),
      0.001,
    );
    m.observe(
      'console',
      call({
        service: 'iam',
        operation: 'ListUsers',
        error: { code: 'AccessDeniedException', message: 'no', status: 400 },
      }),
      0.001,
    );
    expect(outcomesOf(m, 'api', 'iam', 'ListUsers')).toEqual({
      success: 1,
      client_error: 1,
      server_error: 1,
      denied: 1,
    });
    expect(outcomesOf(m, 'console', 'iam', 'ListUsers')).toEqual({
      success: 0,
      client_error: 0,
      server_error: 0,
      denied: 1,
    });
    expect(m.series()).toHaveLength(2);
  });

  it('never makes a label of raw input: unmodelled operations and unknown services collapse to one value each', () => {
    const m = new CallMetrics(services);
    for (const operation of ['Bogus1', 'Bogus2', 'Bogus3'])
      m.observe('api', call({ service: 'iam', operation }), 0.001);
    m.observe('api', call({ service: 's3', operation: 'GetObject' }), 0.001);
    m.observe('api', call({}), 0.001);
    expect(m.series().map((s) => [s.service, s.operation])).toEqual([
      ['iam', UNKNOWN],
      [UNKNOWN, UNKNOWN],
    ]);
    expect(outcomesOf(m, 'api', 'iam', UNKNOWN)!.success).toBe(3);
  });

  it("gives /authorize's actions series of their own up to a cap, and the rest one shared series", () => {
    const m = new CallMetrics(services, { maxAuthorizeSeries: 2 });
    m.observe('authorize', call({ service: 's3', operation: 'GetObject' }), 0.001);
    m.observe('authorize', call({ service: 's3', operation: 'PutObject' }), 0.001);
    m.observe('authorize', call({ service: 's3', operation: 'GetObject' }), 0.001);
    m.observe('authorize', call({ service: 'sqs', operation: 'SendMessage' }), 0.001);
    m.observe('authorize', call({ service: 'kms', operation: 'Decrypt' }), 0.001);
    expect(m.series().map((s) => [s.service, s.operation, s.outcomes[0]])).toEqual([
      ['s3', 'GetObject', 2],
      ['s3', 'PutObject', 1],
      [OTHER, OTHER, 2],
    ]);
  });

  it('puts each duration in the first bucket whose bound it does not exceed, and sums them', () => {
    const m = new CallMetrics(services);
    const op = call({ service: 'sts', operation: 'GetCallerIdentity' });
    m.observe('api', op, 0.00003);
    m.observe('api', op, 0.0001);
    m.observe('api', op, 0.003);
    m.observe('api', op, 60);
    const [s] = m.series();
    expect(s!.buckets[0]).toBe(2);
    expect(s!.buckets[DURATION_BUCKETS.indexOf(0.005)]).toBe(1);
    expect(s!.buckets[DURATION_BUCKETS.length]).toBe(1);
    expect(s!.sum).toBeCloseTo(60.00313, 6);
  });

  it('counts denied decisions by door, layer and whether a Deny said so; allowed ones not at all', () => {
    const m = new CallMetrics(services);
    m.observe(
      'api',
      call({
        service: 'iam',
        operation: 'CreateUser',
        decisions: [{ ...denial('identity', 'Allowed') }, denial('scp', 'ExplicitDeny')],
      }),
      0.001,
    );
    m.observe(
      'api',
      call({ service: 'iam', operation: 'CreateUser', decisions: [denial('identity', 'ImplicitDeny')] }),
      0.001,
    );
    m.observe(
      'authorize',
      call({
        service: 's3',
        operation: 'GetObject',
        decisions: [denial('boundary', 'ImplicitDeny'), denial('rcp', 'ExplicitDeny')],
      }),
      0.001,
    );
    expect(m.denials()).toEqual([
      { door: 'api', layer: 'identity', explicit: false, count: 1 },
      { door: 'api', layer: 'scp', explicit: true, count: 1 },
      { door: 'authorize', layer: 'boundary', explicit: false, count: 1 },
      { door: 'authorize', layer: 'rcp', explicit: true, count: 1 },
    ]);
  });
});
