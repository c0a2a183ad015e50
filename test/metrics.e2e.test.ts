import { CreateUserCommand, GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeCreateAccountStatusCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeRequest } from '../src/client/authorize.js';
import { signRequest } from '../src/sigv4/index.js';
import { type Sample, parsePrometheusText, sampleValue } from '../src/server/testing/prometheus-text.js';
import { ConsoleHttp, signInRoot } from './support/console-http.js';
import { orgs, rootKeyFor } from './support/organizations.js';
import { adminQuery } from './support/postgres.js';
import { policy, userWithKey } from './support/users.js';
import {
  AUTHORIZE_TOKEN,
  type Credentials,
  ROOT_EMAIL,
  ROOT_PASSWORD,
  type TestWard,
  caught,
  startTestWard,
} from './support/ward.js';

const METRICS_TOKEN = 'metrics-scrape-token-0123456789';

let t: TestWard;
let reader: Credentials;
let memberRoot: Credentials;

async function scrape(ward: TestWard = t, headers: Record<string, string> = {}): Promise<Sample[]> {
  const res = await fetch(`${ward.url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

const requests = (samples: Sample[], labels: Record<string, string>) =>
  sampleValue(samples, 'ward_requests_total', labels) ?? 0;

beforeAll(async () => {
  t = await startTestWard();
  // May read IAM users, nothing else: CreateUser is denied by its identity policy.
  reader = await userWithKey(t, 'reader', {
    Read: policy({ Effect: 'Allow', Action: ['iam:ListUsers', 'iam:GetUser'], Resource: '*' }),
  });
  // A member account under an SCP that denies iam:CreateUser.
  await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const rootId = (await orgs(t).send(new ListRootsCommand({}))).Roots![0]!.Id!;
  const car = (await orgs(t).send(new CreateAccountCommand({ Email: 'metrics@example.com', AccountName: 'metrics' })))
    .CreateAccountStatus!.Id!;
  const member = (await orgs(t).send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: car })))
    .CreateAccountStatus!.AccountId!;
  await orgs(t).send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }));
  const scp = await orgs(t).send(
    new CreatePolicyCommand({
      Name: 'NoCreateUser',
      Description: '',
      Type: 'SERVICE_CONTROL_POLICY',
      Content: JSON.stringify(policy({ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' })),
    }),
  );
  await orgs(t).send(new AttachPolicyCommand({ PolicyId: scp.Policy!.PolicySummary!.Id!, TargetId: member }));
  memberRoot = await rootKeyFor(t, member);
});
afterAll(() => t?.close());

describe('GET /metrics', () => {
  it('counts signed calls by service, operation and outcome, with their durations', async () => {
    const before = await scrape();
    const api = (operation: string, outcome: string) => ({ entry: 'api', service: 'iam', operation, outcome });
    await t.iam(reader).send(new ListUsersCommand({}));
    await t.iam(reader).send(new ListUsersCommand({}));
    await t.sts(reader).send(new GetCallerIdentityCommand({}));
    expect((await caught(() => t.iam(reader).send(new CreateUserCommand({ UserName: 'nope' })))).name).toBe(
      'AccessDenied',
    );
    expect((await caught(() => t.iam(reader).send(new GetUserCommand({ UserName: 'nobody' })))).name).toBe(
      'NoSuchEntityException',
    );

    const after = await scrape();
    const delta = (labels: Record<string, string>) => requests(after, labels) - requests(before, labels);
    expect(delta(api('ListUsers', 'success'))).toBe(2);
    expect(delta({ entry: 'api', service: 'sts', operation: 'GetCallerIdentity', outcome: 'success' })).toBe(1);
    expect(delta(api('CreateUser', 'denied'))).toBe(1);
    expect(delta(api('GetUser', 'client_error'))).toBe(1);
    const count = (s: Sample[]) =>
      sampleValue(s, 'ward_request_duration_seconds_count', { entry: 'api', service: 'iam', operation: 'ListUsers' }) ??
      0;
    expect(count(after) - count(before)).toBe(2);
    const inf = sampleValue(after, 'ward_request_duration_seconds_bucket', {
      entry: 'api',
      service: 'iam',
      operation: 'ListUsers',
      le: '+Inf',
    });
    expect(inf).toBe(count(after));
    expect(
      sampleValue(after, 'ward_request_duration_seconds_sum', { entry: 'api', service: 'iam', operation: 'ListUsers' }),
    ).toBeGreaterThan(0);
  });

  it('counts denials by the layer that denied: the identity policy, an SCP', async () => {
    const layer = (s: Sample[], name: string, decision: string) =>
      sampleValue(s, 'ward_authorization_denials_total', { entry: 'api', layer: name, decision }) ?? 0;
    const before = await scrape();
    expect((await caught(() => t.iam(reader).send(new CreateUserCommand({ UserName: 'nope' })))).name).toBe(
      'AccessDenied',
    );
    const denied = await caught(() => t.iam(memberRoot).send(new CreateUserCommand({ UserName: 'blocked' })));
    expect(denied.message).toMatch(/explicit deny in a service control policy$/);
    const after = await scrape();
    expect(layer(after, 'identity', 'implicit') - layer(before, 'identity', 'implicit')).toBe(1);
    expect(layer(after, 'scp', 'explicit') - layer(before, 'scp', 'explicit')).toBe(1);
  });

  it('counts a console action and a POST /authorize decision under their own doors', async () => {
    const before = await scrape();
    const client = new ConsoleHttp(t.url);
    expect((await signInRoot(client, ROOT_EMAIL, ROOT_PASSWORD)).status).toBe(302);
    expect((await client.get('/console/users')).status).toBe(200);
    const signed = signRequest({
      method: 'GET',
      url: 'http://storage.internal:9000/bucket/a',
      headers: {},
      credentials: reader,
      region: 'us-east-1',
      service: 's3',
    });
    const decision = await authorizeRequest({
      wardUrl: t.url,
      token: AUTHORIZE_TOKEN,
      request: { method: 'GET', url: '/bucket/a', headers: signed.headers },
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/a',
    });
    expect(decision.allowed).toBe(false);
    const after = await scrape();
    const console = { entry: 'console', service: 'iam', operation: 'ListUsers', outcome: 'success' };
    expect(requests(after, console) - requests(before, console)).toBe(1);
    const authorize = { entry: 'authorize', service: 's3', operation: 'GetObject', outcome: 'denied' };
    expect(requests(after, authorize) - requests(before, authorize)).toBe(1);
    const denials = (s: Sample[]) =>
      sampleValue(s, 'ward_authorization_denials_total', {
        entry: 'authorize',
        layer: 'identity',
        decision: 'implicit',
      }) ?? 0;
    expect(denials(after) - denials(before)).toBe(1);
  });

  it('names an operation no model has as unknown, never as sent', async () => {
    const res = await fetch(`${t.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=NoSuchThing12345&Version=2010-05-08',
    });
    expect(res.status).toBe(400);
    const samples = await scrape();
    expect(samples.some((s) => Object.values(s.labels).includes('NoSuchThing12345'))).toBe(false);
    expect(
      requests(samples, { entry: 'api', service: 'iam', operation: 'unknown', outcome: 'client_error' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('reports the caches, the audit backlog, the store and the process', async () => {
    const samples = await scrape();
    expect(sampleValue(samples, 'ward_cache_hits_total', { cache: 'credential' })).toBeGreaterThan(0);
    expect(sampleValue(samples, 'ward_cache_misses_total', { cache: 'credential' })).toBeGreaterThan(0);
    expect(sampleValue(samples, 'ward_cache_hits_total', { cache: 'policy' })).toBeGreaterThan(0);
    expect(sampleValue(samples, 'ward_cache_misses_total', { cache: 'policy_compile' })).toBeGreaterThan(0);
    expect(sampleValue(samples, 'ward_audit_backlog')).toBeGreaterThanOrEqual(0);
    const backend = t.ward.backend;
    expect(sampleValue(samples, 'ward_store_connections', { backend, state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, 'ward_store_connections_max', { backend })).toBe(backend === 'sqlite' ? 1 : 10);
    expect(sampleValue(samples, 'ward_store_waiting', { backend })).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'ward_process_start_time_seconds')).toBeGreaterThan(0);
  });
});

describe('who may read /metrics', () => {
  it('by default this host, but not a request a proxy forwarded nor a web page', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
    const proxied = await fetch(`${t.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
    expect(await proxied.text()).toMatch(/WARD_METRICS_TOKEN/);
    expect(
      (await fetch(`${t.url}/metrics`, { headers: { 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' } }))
        .status,
    ).toBe(403);
  });

  it('with WARD_METRICS_TOKEN: the token from anywhere, a wrong token from nowhere', async () => {
    const w = await startTestWard({ settings: { metricsToken: METRICS_TOKEN } });
    try {
      await scrape(w, { authorization: `Bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '203.0.113.9' });
      const wrong = await fetch(`${w.url}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token-000' } });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await fetch(`${w.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(401);
    } finally {
      await w.close();
    }
  });

  it('with WARD_METRICS=off: no endpoint', async () => {
    const w = await startTestWard({ settings: { metrics: 'off', metricsToken: METRICS_TOKEN } });
    try {
      expect((await fetch(`${w.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${w.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(
        404,
      );
      // The API still answers without the metrics step.
      expect((await w.sts().send(new GetCallerIdentityCommand({}))).Account).toBe(w.accountId);
    } finally {
      await w.close();
    }
  });
});

describe('GET /ready', () => {
  it('is ready while the store answers and the audit trail records; /health is liveness only', async () => {
    const ready = await fetch(`${t.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(await (await fetch(`${t.url}/health`)).json()).toEqual({ status: 'ok' });
  });

  it.skipIf(!process.env.WARD_TEST_DATABASE_URL)(
    'is not ready while PostgreSQL refuses connections, and ready again once it takes them (SQLite has no server to stop: src/server/readiness.test.ts closes a store instead)',
    async () => {
      const name = t.database!.name;
      await adminQuery(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      try {
        await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        const down = await fetch(`${t.url}/ready`);
        expect(down.status).toBe(503);
        expect(await down.json()).toEqual({ status: 'not ready', store: 'unreachable' });
        expect((await fetch(`${t.url}/health`)).status).toBe(200);
      } finally {
        await adminQuery(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      }
      expect((await fetch(`${t.url}/ready`)).status).toBe(200);
    },
  );

  it('is not ready once the audit trail no longer records (closed here, as at shutdown)', async () => {
    await t.ward.audit.close();
    const res = await fetch(`${t.url}/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not ready', audit: 'closed' });
  });
});
