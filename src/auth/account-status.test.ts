import { describe, expect, it } from 'vitest';
import { LocalCacheBus } from '../shared/cache-bus.js';
import type { CallContext } from '../shared/call-context.js';
import type { Principal } from '../shared/principal.js';
import { AccountStatus } from './account-status.js';
import { PolicyAuthorizer } from './policy-authorizer.js';

const MEMBER = '210987654321';
const allowAll = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

function setup() {
  const statuses = new Map<string, string>([[MEMBER, 'ACTIVE']]);
  const closed = new Map<string, Date>();
  let reads = 0;
  const bus = new LocalCacheBus();
  const accounts = new AccountStatus(
    {
      accounts: { get: async (id) => (closed.has(id) ? { closedAt: closed.get(id)! } : {}) },
      organizations: {
        getAccount: async (id) => (reads++, statuses.has(id) ? { status: statuses.get(id)! } : undefined),
      },
    },
    bus,
  );
  const authorizer = new PolicyAuthorizer(
    { effectiveForUser: async () => ({ identity: [{ id: 'all', document: allowAll }] }), userTags: async () => [] },
    bus,
    undefined,
    accounts,
  );
  return { statuses, closed, bus, accounts, authorizer, reads: () => reads };
}

const user: Principal = {
  kind: 'user',
  accountId: MEMBER,
  arn: `arn:aws:iam::${MEMBER}:user/dev`,
  userId: 'AIDAEXAMPLEEXAMPLE01',
  userName: 'dev',
  path: '/',
};
const root: Principal = { kind: 'root', accountId: MEMBER, arn: `arn:aws:iam::${MEMBER}:root`, userId: MEMBER };
const call = (principal: Principal): CallContext => ({
  requestId: 'r',
  principal,
  region: 'us-east-1',
  now: new Date(),
  sourceIp: '127.0.0.1',
  userAgent: 'test',
  secureTransport: false,
  authorize: async () => undefined,
});

describe('AccountStatus', () => {
  it('caches the status per account until CloseAccount publishes `account`', async () => {
    const s = setup();
    expect(await s.accounts.isActive(MEMBER)).toBe(true);
    expect(s.accounts.isActive(MEMBER)).toBe(true);
    expect(s.reads()).toBe(1);
    s.statuses.set(MEMBER, 'SUSPENDED');
    s.bus.publish('account', MEMBER);
    expect(await s.accounts.isActive(MEMBER)).toBe(false);
    // Standalone accounts (no organization) are active.
    expect(await s.accounts.isActive('111122223333')).toBe(true);
  });

  it("keeps a closed account closed once it has no membership (the closure is the account's own)", async () => {
    const s = setup();
    s.statuses.set(MEMBER, 'SUSPENDED');
    s.closed.set(MEMBER, new Date('2026-01-01T00:00:00Z'));
    s.bus.publish('account', MEMBER);
    expect(await s.accounts.isActive(MEMBER)).toBe(false);
    s.statuses.delete(MEMBER);
    s.bus.publish('account', MEMBER);
    expect(await s.accounts.isActive(MEMBER)).toBe(false);
  });
});

describe('PolicyAuthorizer and a suspended account', () => {
  // Console sessions reach handlers without a signed request, so the authorizer holds the rule for them.
  it("denies a closed account's IAM user everything, and its root everything but its account settings", async () => {
    const s = setup();
    expect((await s.authorizer.decide(call(user), 'iam:ListUsers', '*')).allowed).toBe(true);
    s.statuses.set(MEMBER, 'SUSPENDED');
    s.bus.publish('account', MEMBER);
    expect(await s.authorizer.decide(call(user), 'iam:ListUsers', '*')).toMatchObject({
      allowed: false,
      explicit: false,
    });
    expect((await s.authorizer.decide(call(user), 'account:GetAccountInformation', '*')).allowed).toBe(false);
    expect((await s.authorizer.decide(call(root), 'iam:ListUsers', '*')).allowed).toBe(false);
    expect((await s.authorizer.decide(call(root), 'account:GetAccountInformation', '*')).allowed).toBe(true);
  });
});
