import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountStatus } from '../auth/account-status.js';
import { PolicyAuthorizer } from '../auth/policy-authorizer.js';
import { callContext } from '../server/call-context.js';
import { AwsError } from '../shared/aws-error.js';
import type { InvalidationTopic } from '../shared/cache-bus.js';
import type { Principal } from '../shared/principal.js';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { organizationsError } from '../wire/index.js';
import { type OrgHandlers, createOrganizationsHandlers } from './handlers.js';

// The organization and its accounts, driven through the handlers on a real store with the real
// authorizer behind ctx.authorize, as the management account's root calls them.

const MGMT = '999988887777';
const OTHER = '444455556666';
const NOW = new Date('2026-03-01T12:00:00Z');
const rootOf = (accountId: string): Principal => ({
  kind: 'root',
  accountId,
  arn: `arn:aws:iam::${accountId}:root`,
  userId: accountId,
});

let m: MemoryStore;
let orgs: OrgHandlers;
let authorizer: PolicyAuthorizer;
let published: Array<[InvalidationTopic, string]>;

const ctx = (principal = rootOf(MGMT)) =>
  callContext('req-1', { principal, region: 'us-east-1', service: 'organizations' }, NOW, authorizer, {
    sourceIp: '192.0.2.10',
    userAgent: 'test',
    secure: true,
  });

async function rejection(promise: Promise<unknown>): Promise<AwsError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AwsError)) throw new Error(`expected an AwsError, got ${String(err)}`);
  return err;
}

/** Creates a member account and returns its ID, as DescribeCreateAccountStatus reports it. */
async function createAccount(name: string, email: string): Promise<string> {
  const started = await orgs.CreateAccount!({ AccountName: name, Email: email }, ctx());
  const status = await orgs.DescribeCreateAccountStatus!(
    { CreateAccountRequestId: started.CreateAccountStatus!.Id! },
    ctx(),
  );
  expect(status.CreateAccountStatus?.State).toBe('SUCCEEDED');
  return status.CreateAccountStatus!.AccountId!;
}

beforeEach(async () => {
  m = await openMemoryStore();
  for (const accountId of [MGMT, OTHER])
    await m.store.accounts.create({
      accountId,
      name: `acct-${accountId}`,
      email: `${accountId}@example.com`,
      createdAt: NOW,
    });
  published = [];
  m.bus.subscribe((topic, id) => published.push([topic, id]));
  const store = m.store;
  authorizer = new PolicyAuthorizer(
    { effectiveForUser: (id) => store.effectivePolicies.forUser(id), userTags: (id) => store.users.tags(id) },
    m.bus,
    undefined,
    new AccountStatus(store, m.bus),
  );
  orgs = createOrganizationsHandlers({ store, bus: m.bus, error: organizationsError });
});
afterEach(() => m.close());

describe('CreateOrganization', () => {
  it('makes the caller’s account the management account, at the root, with FullAWSAccess on the root', async () => {
    const out = await orgs.CreateOrganization!({ FeatureSet: 'ALL' }, ctx());
    expect(out.Organization).toMatchObject({
      MasterAccountId: MGMT,
      MasterAccountEmail: `${MGMT}@example.com`,
      FeatureSet: 'ALL',
    });
    const org = (await m.store.organizations.orgOfAccount(MGMT))!;
    expect(org.orgId).toBe(out.Organization?.Id);
    expect(await m.store.organizations.getAccount(MGMT)).toMatchObject({
      orgId: org.orgId,
      parentId: org.rootId,
      status: 'ACTIVE',
    });
    expect(await m.store.organizations.attachments(org.orgId, { targetId: org.rootId })).toEqual([
      { policyId: 'p-FullAWSAccess', targetId: org.rootId },
    ]);
  });

  it('refuses an account already in an organization', async () => {
    await orgs.CreateOrganization!({ FeatureSet: 'ALL' }, ctx());
    expect((await rejection(orgs.CreateOrganization!({ FeatureSet: 'ALL' }, ctx()))).code).toBe(
      'AlreadyInOrganizationException',
    );
  });
});

describe('accounts of the organization', () => {
  beforeEach(async () => {
    await orgs.CreateOrganization!({ FeatureSet: 'ALL' }, ctx());
  });

  it('CreateAccount makes an account with an access role the management account may assume', async () => {
    const accountId = await createAccount('dev', 'dev@example.com');
    expect(await m.store.accounts.get(accountId)).toMatchObject({ accountId, name: 'dev', email: 'dev@example.com' });
    const org = (await m.store.organizations.orgOfAccount(MGMT))!;
    expect(await m.store.organizations.getAccount(accountId)).toMatchObject({
      orgId: org.orgId,
      parentId: org.rootId,
      joinedMethod: 'CREATED',
      status: 'ACTIVE',
    });
    const role = await m.store.roles.getByName(accountId, 'OrganizationAccountAccessRole');
    expect(JSON.parse(role!.assumeRolePolicyDocument)).toMatchObject({
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MGMT}:root` }, Action: 'sts:AssumeRole' }],
    });
    expect(published).toContainEqual(['policies', '*']);
  });

  it('CreateAccount fails, as a status, for an email the organization already has', async () => {
    await createAccount('dev', 'dev@example.com');
    const started = await orgs.CreateAccount!({ AccountName: 'again', Email: 'DEV@example.com' }, ctx());
    const status = await orgs.DescribeCreateAccountStatus!(
      { CreateAccountRequestId: started.CreateAccountStatus!.Id! },
      ctx(),
    );
    expect(status.CreateAccountStatus).toMatchObject({ State: 'FAILED', FailureReason: 'EMAIL_ALREADY_EXISTS' });
  });

  it('only the management account manages accounts', async () => {
    const member = await createAccount('dev', 'dev@example.com');
    const err = await rejection(orgs.CreateAccount!({ AccountName: 'x', Email: 'x@example.com' }, ctx(rootOf(member))));
    expect(err.code).toBe('AccessDeniedException');
    expect((await rejection(orgs.ListAccounts!({}, ctx(rootOf(OTHER))))).code).toBe(
      'AWSOrganizationsNotInUseException',
    );
  });

  it('MoveAccount moves an account from its parent to an OU, and checks both', async () => {
    const accountId = await createAccount('dev', 'dev@example.com');
    const org = (await m.store.organizations.orgOfAccount(MGMT))!;
    const ou = (await orgs.CreateOrganizationalUnit!({ ParentId: org.rootId, Name: 'Workloads' }, ctx()))
      .OrganizationalUnit!.Id!;
    published = [];
    await orgs.MoveAccount!({ AccountId: accountId, SourceParentId: org.rootId, DestinationParentId: ou }, ctx());
    expect((await m.store.organizations.getAccount(accountId))?.parentId).toBe(ou);
    expect((await orgs.ListAccountsForParent!({ ParentId: ou }, ctx())).Accounts?.map((a) => a.Id)).toEqual([
      accountId,
    ]);
    // The SCPs over the account changed: every authorizer drops its compiled levels.
    expect(published).toEqual([['policies', '*']]);

    expect(
      (
        await rejection(
          orgs.MoveAccount!({ AccountId: accountId, SourceParentId: org.rootId, DestinationParentId: ou }, ctx()),
        )
      ).code,
    ).toBe('AccountNotFoundException');
    expect(
      (await rejection(orgs.MoveAccount!({ AccountId: accountId, SourceParentId: ou, DestinationParentId: ou }, ctx())))
        .code,
    ).toBe('DuplicateAccountException');
    expect(
      (
        await rejection(
          orgs.MoveAccount!(
            // Another OU's ID: the last character changed (an ID may already end in z).
            {
              AccountId: accountId,
              SourceParentId: ou,
              DestinationParentId: `${ou.slice(0, -1)}${ou.endsWith('z') ? 'y' : 'z'}`,
            },
            ctx(),
          ),
        )
      ).code,
    ).toBe('DestinationParentNotFoundException');
  });

  it('CloseAccount suspends the member for good and tells every node', async () => {
    const accountId = await createAccount('dev', 'dev@example.com');
    const status = new AccountStatus(m.store, m.bus);
    expect(await status.isActive(accountId)).toBe(true);
    await orgs.CloseAccount!({ AccountId: accountId }, ctx());
    expect(await m.store.organizations.getAccount(accountId)).toMatchObject({ status: 'SUSPENDED' });
    expect((await m.store.accounts.get(accountId))?.closedAt).toEqual(NOW);
    expect(published).toContainEqual(['account', accountId]);
    expect(await status.isActive(accountId)).toBe(false);
    expect((await orgs.DescribeAccount!({ AccountId: accountId }, ctx())).Account).toMatchObject({
      Status: 'SUSPENDED',
      State: 'CLOSED',
    });

    expect((await rejection(orgs.CloseAccount!({ AccountId: accountId }, ctx()))).code).toBe(
      'AccountAlreadyClosedException',
    );
    expect((await rejection(orgs.RemoveAccountFromOrganization!({ AccountId: accountId }, ctx()))).code).toBe(
      'ConstraintViolationException',
    );
  });

  it('CloseAccount refuses the management account', async () => {
    const err = await rejection(orgs.CloseAccount!({ AccountId: MGMT }, ctx()));
    expect(err.code).toBe('ConstraintViolationException');
    expect(err.message).toBe("You can't close the management account.");
  });
});
