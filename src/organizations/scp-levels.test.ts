import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountStatus } from '../auth/account-status.js';
import { PolicyAuthorizer } from '../auth/policy-authorizer.js';
import { callContext } from '../server/call-context.js';
import type { Principal } from '../shared/principal.js';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { organizationsError } from '../wire/index.js';
import { type OrgHandlers, createOrganizationsHandlers } from './handlers.js';
import { scpLevelsForAccount } from './scp-levels.js';

// The SCP levels over an account, root → OUs → account, as the authorizer reads them, after the
// tree and its attachments are built through the Organizations handlers on a real store.

const MGMT = '999988887777';
const NOW = new Date('2026-03-01T12:00:00Z');
const SCP = 'SERVICE_CONTROL_POLICY';
const FULL = 'p-FullAWSAccess';
const mgmtRoot: Principal = { kind: 'root', accountId: MGMT, arn: `arn:aws:iam::${MGMT}:root`, userId: MGMT };
const policy = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });

let m: MemoryStore;
let orgs: OrgHandlers;
let authorizer: PolicyAuthorizer;
let rootId: string;

const ctx = () =>
  callContext('req-1', { principal: mgmtRoot, region: 'us-east-1', service: 'organizations' }, NOW, authorizer, {
    sourceIp: '192.0.2.10',
    userAgent: 'test',
    secure: true,
  });

async function createAccount(name: string): Promise<string> {
  const started = await orgs.CreateAccount!({ AccountName: name, Email: `${name}@example.com` }, ctx());
  const status = await orgs.DescribeCreateAccountStatus!(
    { CreateAccountRequestId: started.CreateAccountStatus!.Id! },
    ctx(),
  );
  return status.CreateAccountStatus!.AccountId!;
}

async function createOu(parentId: string, name: string): Promise<string> {
  return (await orgs.CreateOrganizationalUnit!({ ParentId: parentId, Name: name }, ctx())).OrganizationalUnit!.Id!;
}

async function createScp(name: string, content: string, type = SCP): Promise<string> {
  return (
    await orgs.CreatePolicy!({ Name: name, Description: name, Type: type as typeof SCP, Content: content }, ctx())
  ).Policy!.PolicySummary!.Id!;
}

/** Each level's policy IDs, sorted (the order within a level decides nothing). */
async function levelIds(accountId: string): Promise<string[][] | undefined> {
  return (await scpLevelsForAccount(m.store.organizations, accountId))?.map((level) => level.map((d) => d.id).sort());
}

beforeEach(async () => {
  m = await openMemoryStore();
  await m.store.accounts.create({ accountId: MGMT, name: 'management', email: 'mgmt@example.com', createdAt: NOW });
  authorizer = new PolicyAuthorizer(
    { effectiveForUser: (id) => m.store.effectivePolicies.forUser(id), userTags: (id) => m.store.users.tags(id) },
    m.bus,
    undefined,
    new AccountStatus(m.store, m.bus),
  );
  orgs = createOrganizationsHandlers({ store: m.store, bus: m.bus, error: organizationsError });
  await orgs.CreateOrganization!({ FeatureSet: 'ALL' }, ctx());
  rootId = (await m.store.organizations.orgOfAccount(MGMT))!.rootId;
});
afterEach(() => m.close());

describe('SCP levels over an account', () => {
  it('are none for an account in no organization', async () => {
    await m.store.accounts.create({
      accountId: '444455556666',
      name: 'alone',
      email: 'alone@example.com',
      createdAt: NOW,
    });
    expect(await scpLevelsForAccount(m.store.organizations, '444455556666')).toBeUndefined();
  });

  it('are none until the organization enables the SCP type, and none again once it disables it', async () => {
    const member = await createAccount('dev');
    expect(await levelIds(member)).toBeUndefined();
    await orgs.EnablePolicyType!({ RootId: rootId, PolicyType: SCP }, ctx());
    expect(await levelIds(member)).toEqual([[FULL], [FULL]]);
    await orgs.DisablePolicyType!({ RootId: rootId, PolicyType: SCP }, ctx());
    expect(await levelIds(member)).toBeUndefined();
  });

  it('are none for the management account, which SCPs never restrict', async () => {
    await orgs.EnablePolicyType!({ RootId: rootId, PolicyType: SCP }, ctx());
    expect(await levelIds(MGMT)).toBeUndefined();
  });

  describe('in a tree root → OU → OU → account', () => {
    let member: string;
    let outer: string;
    let inner: string;

    beforeEach(async () => {
      await orgs.EnablePolicyType!({ RootId: rootId, PolicyType: SCP }, ctx());
      outer = await createOu(rootId, 'Workloads');
      inner = await createOu(outer, 'Prod');
      member = await createAccount('prod-app');
      await orgs.MoveAccount!({ AccountId: member, SourceParentId: rootId, DestinationParentId: inner }, ctx());
    });

    it('have one level per node, each holding what is attached there (new OUs and accounts start with FullAWSAccess)', async () => {
      const atRoot = await createScp(
        'NoLeaving',
        policy({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }),
      );
      const atOuter = await createScp(
        'RegionLock',
        policy({
          Effect: 'Deny',
          NotAction: 'iam:*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
        }),
      );
      const atAccount = await createScp('NoIam', policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }));
      await orgs.AttachPolicy!({ PolicyId: atRoot, TargetId: rootId }, ctx());
      await orgs.AttachPolicy!({ PolicyId: atOuter, TargetId: outer }, ctx());
      await orgs.AttachPolicy!({ PolicyId: atAccount, TargetId: member }, ctx());
      // A node keeps at least one SCP: FullAWSAccess leaves the inner OU only once another is there.
      const s3Only = await createScp('S3Only', policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
      await orgs.AttachPolicy!({ PolicyId: s3Only, TargetId: inner }, ctx());
      await orgs.DetachPolicy!({ PolicyId: FULL, TargetId: inner }, ctx());

      expect(await levelIds(member)).toEqual([
        [FULL, atRoot].sort(),
        [FULL, atOuter].sort(),
        [s3Only],
        [FULL, atAccount].sort(),
      ]);
      const levels = await scpLevelsForAccount(m.store.organizations, member);
      expect(JSON.parse(levels![3]!.find((d) => d.id === atAccount)!.document)).toMatchObject({
        Statement: [{ Effect: 'Deny', Action: 'iam:*' }],
      });
    });

    it('follow the account when it moves', async () => {
      const atOuter = await createScp('OuterOnly', policy({ Effect: 'Deny', Action: 's3:*', Resource: '*' }));
      await orgs.AttachPolicy!({ PolicyId: atOuter, TargetId: outer }, ctx());
      expect(await levelIds(member)).toEqual([[FULL], [FULL, atOuter].sort(), [FULL], [FULL]]);
      await orgs.MoveAccount!({ AccountId: member, SourceParentId: inner, DestinationParentId: rootId }, ctx());
      expect(await levelIds(member)).toEqual([[FULL], [FULL]]);
    });

    it('hold only service control policies, not other policy types attached to the same nodes', async () => {
      await orgs.EnablePolicyType!({ RootId: rootId, PolicyType: 'TAG_POLICY' }, ctx());
      const tags = await createScp(
        'Tags',
        JSON.stringify({ tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' } } } }),
        'TAG_POLICY',
      );
      await orgs.AttachPolicy!({ PolicyId: tags, TargetId: member }, ctx());
      expect(await levelIds(member)).toEqual([[FULL], [FULL], [FULL], [FULL]]);
    });
  });
});
