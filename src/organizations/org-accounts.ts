import { AWS_MANAGED_ACCOUNT } from '../iam/records.js';
import { newUniqueId } from '../shared/ids.js';
import type { CallContext } from '../shared/call-context.js';
import type { Account, CreateAccountStatus, Handshake, Organization } from '../wire/generated/organizations.js';
import type { CreateAccountStatusRecord, HandshakeRecord, OrgAccountRecord, OrgRecord } from './store.js';
import { attachDefaults } from './managed-policies.js';
import {
  FULL_AWS_ACCESS_CONTENT,
  FULL_AWS_ACCESS_ID,
  MSG,
  type OrgDeps,
  type OrgHandlers,
  type OrgStore,
  SCP,
  accountArn,
  authorize,
  callerOrg,
  handshakeArn,
  managementOrg,
  newAccountId,
  newCreateAccountRequestId,
  newHandshakeId,
  newOrgId,
  newRootId,
  orgArn,
  paginate,
  scpsChanged,
} from './support.js';

export function organizationShape(o: OrgRecord): Organization {
  return {
    Id: o.orgId,
    Arn: orgArn(o),
    FeatureSet: o.featureSet,
    MasterAccountArn: accountArn(o, o.managementAccountId),
    MasterAccountId: o.managementAccountId,
    MasterAccountEmail: o.managementEmail,
    AvailablePolicyTypes: [{ Type: SCP, Status: 'ENABLED' }],
  };
}

export function accountShape(o: OrgRecord, a: OrgAccountRecord): Account {
  return {
    Id: a.accountId,
    Arn: accountArn(o, a.accountId),
    Email: a.email,
    Name: a.name,
    Status: a.status,
    State: a.status === 'ACTIVE' ? 'ACTIVE' : a.status === 'PENDING_CLOSURE' ? 'PENDING_CLOSURE' : 'CLOSED',
    JoinedMethod: a.joinedMethod,
    JoinedTimestamp: a.joinedAt,
  };
}

function statusShape(s: CreateAccountStatusRecord): CreateAccountStatus {
  return {
    Id: s.requestId,
    AccountName: s.accountName,
    State: s.state,
    RequestedTimestamp: s.requestedAt,
    ...(s.completedAt ? { CompletedTimestamp: s.completedAt } : {}),
    ...(s.accountId ? { AccountId: s.accountId } : {}),
    ...(s.failureReason ? { FailureReason: s.failureReason as CreateAccountStatus['FailureReason'] & string } : {}),
  };
}

function handshakeShape(o: OrgRecord, h: HandshakeRecord): Handshake {
  return {
    Id: h.handshakeId,
    Arn: handshakeArn(o, h.handshakeId),
    Parties: [
      { Id: o.orgId.slice(2), Type: 'ORGANIZATION' },
      { Id: h.targetAccountId, Type: 'ACCOUNT' },
    ],
    State: h.state,
    RequestedTimestamp: h.requestedAt,
    ExpirationTimestamp: h.expiresAt,
    Action: 'INVITE',
    Resources: [
      {
        Type: 'ORGANIZATION',
        Value: o.orgId,
        Resources: [
          { Type: 'MASTER_EMAIL', Value: o.managementEmail },
          { Type: 'MASTER_NAME', Value: o.managementEmail },
          { Type: 'ORGANIZATION_FEATURE_SET', Value: o.featureSet },
        ],
      },
      { Type: 'ACCOUNT', Value: h.targetAccountId },
      ...(h.notes !== undefined ? [{ Type: 'NOTES' as const, Value: h.notes }] : []),
    ],
  };
}

/** The role CreateAccount makes in the new account: trusted by the management account, AdministratorAccess attached. */
async function createAccessRole(
  tx: OrgStore,
  accountId: string,
  managementAccountId: string,
  roleName: string,
  now: Date,
): Promise<void> {
  const roleId = newUniqueId('AROA');
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${managementAccountId}:root` }, Action: 'sts:AssumeRole' },
    ],
  });
  await tx.roles.create(
    {
      roleId,
      accountId,
      roleName,
      path: '/',
      assumeRolePolicyDocument: trust,
      maxSessionDuration: 3600,
      createdAt: now,
    },
    [],
  );
  const admin = await tx.policies.getByName(AWS_MANAGED_ACCOUNT, 'AdministratorAccess');
  if (admin) await tx.policyAttachments.attach(admin.policyId, { kind: 'role', id: roleId }, accountId, now);
}

export function orgAccountHandlers(deps: OrgDeps): OrgHandlers {
  const { store } = deps;
  const memberOf = async (o: OrgRecord, accountId: string): Promise<OrgAccountRecord> => {
    const a = await store.organizations.getAccount(accountId);
    if (!a || a.orgId !== o.orgId) throw deps.error('AccountNotFoundException', MSG.accountNotFound);
    return a;
  };
  const parentExists = async (o: OrgRecord, parentId: string, repo = store.organizations): Promise<boolean> => {
    if (parentId === o.rootId) return true;
    const ou = await repo.getOu(parentId);
    return ou !== undefined && ou.orgId === o.orgId;
  };

  return {
    async CreateOrganization(input, ctx) {
      await authorize(deps, ctx, 'CreateOrganization', '*');
      if (input.FeatureSet === 'CONSOLIDATED_BILLING') {
        throw deps.error(
          'InvalidInputException',
          'Ward supports only organizations with all features (FeatureSet ALL).',
          { Reason: 'INVALID_ENUM' },
        );
      }
      const accountId = ctx.principal.accountId;
      const org = await store.transaction(async (tx) => {
        if (await tx.organizations.orgOfAccount(accountId))
          throw deps.error('AlreadyInOrganizationException', MSG.alreadyInOrg);
        const account = await tx.accounts.get(accountId);
        const o: OrgRecord = {
          orgId: newOrgId(),
          managementAccountId: accountId,
          managementEmail: account?.email ?? '',
          featureSet: 'ALL',
          rootId: newRootId(),
          rootName: 'Root',
          createdAt: ctx.now,
        };
        await tx.organizations.createOrg(o);
        await tx.organizations.addAccount({
          accountId,
          orgId: o.orgId,
          parentId: o.rootId,
          name: account?.name ?? accountId,
          email: o.managementEmail,
          status: 'ACTIVE',
          joinedMethod: 'INVITED',
          joinedAt: ctx.now,
        });
        await tx.organizations.createPolicy({
          orgId: o.orgId,
          policyId: FULL_AWS_ACCESS_ID,
          name: 'FullAWSAccess',
          description: 'Allows access to every operation',
          policyType: SCP,
          awsManaged: true,
          content: FULL_AWS_ACCESS_CONTENT,
          createdAt: ctx.now,
        });
        await tx.organizations.attach(o.orgId, FULL_AWS_ACCESS_ID, o.rootId);
        return o;
      });
      // The management account is now in an organization (aws:PrincipalOrgID): cached facts are stale.
      scpsChanged(deps);
      return { Organization: organizationShape(org) };
    },

    async DescribeOrganization(_input, ctx) {
      await authorize(deps, ctx, 'DescribeOrganization', '*');
      const org = await callerOrg(deps, ctx);
      const shape = organizationShape(org);
      // Members see the organization without the deprecated policy-type list.
      if (org.managementAccountId !== ctx.principal.accountId) delete shape.AvailablePolicyTypes;
      return { Organization: shape };
    },

    async DeleteOrganization(_input, ctx) {
      const org = await managementOrg(deps, ctx, 'DeleteOrganization');
      await store.transaction(async (tx) => {
        const accounts = await tx.organizations.listAccounts(org.orgId);
        if (accounts.some((a) => a.accountId !== org.managementAccountId))
          throw deps.error('OrganizationNotEmptyException', MSG.orgNotEmpty);
        await tx.organizations.deleteOrg(org.orgId);
      });
      scpsChanged(deps);
      return {};
    },

    async CreateAccount(input, ctx) {
      const org = await managementOrg(deps, ctx, 'CreateAccount');
      const requestId = newCreateAccountRequestId();
      const requested: CreateAccountStatusRecord = {
        requestId,
        orgId: org.orgId,
        accountName: input.AccountName,
        state: 'IN_PROGRESS',
        requestedAt: ctx.now,
      };
      const final = await store.transaction(async (tx) => {
        const existing = await tx.organizations.listAccounts(org.orgId);
        const taken = existing.some((a) => a.email.toLowerCase() === input.Email.toLowerCase());
        if (taken && !deps.emulator?.organizations.duplicateEmails) {
          const failed: CreateAccountStatusRecord = {
            ...requested,
            state: 'FAILED',
            completedAt: ctx.now,
            failureReason: 'EMAIL_ALREADY_EXISTS',
          };
          await tx.organizations.putCreateAccountStatus(failed);
          return failed;
        }
        let accountId = newAccountId();
        while (await tx.accounts.get(accountId)) accountId = newAccountId();
        // The new account's root user gets no credentials: no password, access keys, signing
        // certificates or MFA. With IAM's RootCredentialsManagement feature on (centralized root
        // access) that is AWS's documented state of accounts created in the organization; Ward
        // keeps it so without the feature as well (AWS's root password is then unset until
        // recovered by email, which Ward does not emulate). Root credentials are only ever given
        // by IAM calls as that root, including an sts:AssumeRoot IAMCreateRootUserPassword session.
        await tx.accounts.create({ accountId, name: input.AccountName, email: input.Email, createdAt: ctx.now });
        await tx.organizations.addAccount({
          accountId,
          orgId: org.orgId,
          parentId: org.rootId,
          name: input.AccountName,
          email: input.Email,
          status: 'ACTIVE',
          joinedMethod: 'CREATED',
          joinedAt: ctx.now,
        });
        await attachDefaults(tx.organizations, org.orgId, accountId);
        await createAccessRole(
          tx,
          accountId,
          org.managementAccountId,
          input.RoleName ?? 'OrganizationAccountAccessRole',
          ctx.now,
        );
        if (input.Tags?.length)
          await tx.organizations.putTags(
            org.orgId,
            accountId,
            input.Tags.map((t) => ({ key: t.Key, value: t.Value })),
          );
        const done: CreateAccountStatusRecord = { ...requested, state: 'SUCCEEDED', completedAt: ctx.now, accountId };
        await tx.organizations.putCreateAccountStatus(done);
        return done;
      });
      if (final.state === 'SUCCEEDED') scpsChanged(deps);
      // The request is asynchronous in AWS: the answer says it has started; DescribeCreateAccountStatus tells the outcome.
      // moto answers with the outcome, which suites moving from it read at once.
      return { CreateAccountStatus: statusShape(deps.emulator?.organizations.instantAccounts ? final : requested) };
    },

    async DescribeCreateAccountStatus(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DescribeCreateAccountStatus');
      const s = await store.organizations.getCreateAccountStatus(input.CreateAccountRequestId);
      if (!s || s.orgId !== org.orgId)
        throw deps.error('CreateAccountStatusNotFoundException', MSG.createStatusNotFound);
      return { CreateAccountStatus: statusShape(s) };
    },

    async ListCreateAccountStatus(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListCreateAccountStatus');
      const all = (await store.organizations.listCreateAccountStatus(org.orgId)).filter(
        (s) => !input.States?.length || input.States.includes(s.state),
      );
      const { page, NextToken } = paginate(all, input, deps);
      return { CreateAccountStatuses: page.map(statusShape), ...(NextToken ? { NextToken } : {}) };
    },

    async DescribeAccount(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DescribeAccount', (o) => accountArn(o, input.AccountId));
      return { Account: accountShape(org, await memberOf(org, input.AccountId)) };
    },

    async ListAccounts(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListAccounts');
      const { page, NextToken } = paginate(await store.organizations.listAccounts(org.orgId), input, deps);
      return { Accounts: page.map((a) => accountShape(org, a)), ...(NextToken ? { NextToken } : {}) };
    },

    async ListAccountsForParent(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListAccountsForParent');
      if (!(await parentExists(org, input.ParentId))) throw deps.error('ParentNotFoundException', MSG.parentNotFound);
      const { page, NextToken } = paginate(
        await store.organizations.listAccounts(org.orgId, input.ParentId),
        input,
        deps,
      );
      return { Accounts: page.map((a) => accountShape(org, a)), ...(NextToken ? { NextToken } : {}) };
    },

    async MoveAccount(input, ctx) {
      const org = await managementOrg(deps, ctx, 'MoveAccount', (o) => accountArn(o, input.AccountId));
      await store.transaction(async (tx) => {
        const a = await tx.organizations.getAccount(input.AccountId);
        if (!a || a.orgId !== org.orgId) throw deps.error('AccountNotFoundException', MSG.accountNotFound);
        if (!(await parentExists(org, input.SourceParentId, tx.organizations)))
          throw deps.error('SourceParentNotFoundException', MSG.sourceParentNotFound);
        if (!(await parentExists(org, input.DestinationParentId, tx.organizations)))
          throw deps.error('DestinationParentNotFoundException', MSG.destinationParentNotFound);
        if (a.parentId !== input.SourceParentId) throw deps.error('AccountNotFoundException', MSG.accountNotFound);
        if (a.parentId === input.DestinationParentId)
          throw deps.error('DuplicateAccountException', MSG.duplicateAccount);
        await tx.organizations.updateAccount(a.accountId, { parentId: input.DestinationParentId });
      });
      scpsChanged(deps);
      return {};
    },

    async RemoveAccountFromOrganization(input, ctx) {
      const org = await managementOrg(deps, ctx, 'RemoveAccountFromOrganization', (o) =>
        accountArn(o, input.AccountId),
      );
      if (input.AccountId === org.managementAccountId)
        throw deps.error('MasterCannotLeaveOrganizationException', MSG.masterCannotLeave);
      await store.transaction(async (tx) => {
        const a = await tx.organizations.getAccount(input.AccountId);
        if (!a || a.orgId !== org.orgId) throw deps.error('AccountNotFoundException', MSG.accountNotFound);
        if (a.status !== 'ACTIVE') throw closedCannotLeave(deps);
        await leave(tx, org, a.accountId);
      });
      scpsChanged(deps);
      return {};
    },

    async LeaveOrganization(_input, ctx) {
      await authorize(deps, ctx, 'LeaveOrganization', '*');
      const org = await callerOrg(deps, ctx);
      if (ctx.principal.accountId === org.managementAccountId)
        throw deps.error('MasterCannotLeaveOrganizationException', MSG.masterCannotLeave);
      await store.transaction(async (tx) => {
        const a = await tx.organizations.getAccount(ctx.principal.accountId);
        if (a && a.status !== 'ACTIVE') throw closedCannotLeave(deps);
        await leave(tx, org, ctx.principal.accountId);
      });
      scpsChanged(deps);
      return {};
    },

    async CloseAccount(input, ctx) {
      const org = await managementOrg(deps, ctx, 'CloseAccount', (o) => accountArn(o, input.AccountId));
      if (input.AccountId === org.managementAccountId) {
        throw deps.error('ConstraintViolationException', "You can't close the management account.", {
          Reason: 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT',
        });
      }
      const accountId = await store.transaction(async (tx) => {
        const a = await tx.organizations.getAccount(input.AccountId);
        if (!a || a.orgId !== org.orgId) throw deps.error('AccountNotFoundException', MSG.accountNotFound);
        if (a.status !== 'ACTIVE') throw deps.error('AccountAlreadyClosedException', MSG.alreadyClosed);
        await tx.organizations.updateAccount(a.accountId, { status: 'SUSPENDED' });
        // The closure belongs to the account, so nothing done to the membership later reopens it.
        await tx.accounts.markClosed(a.accountId, ctx.now);
        return a.accountId;
      });
      // Every node drops the account's cached status: its keys and sessions stop working at once.
      deps.bus.publish('account', accountId);
      return {};
    },

    async InviteAccountToOrganization(input, ctx) {
      const org = await managementOrg(deps, ctx, 'InviteAccountToOrganization');
      if (input.Target.Type !== 'ACCOUNT') {
        throw deps.error('InvalidInputException', 'Ward can invite only an account by its ID (Target Type ACCOUNT).', {
          Reason: 'INVALID_PARTY_TYPE_TARGET',
        });
      }
      const target = input.Target.Id;
      const h = await store.transaction(async (tx) => {
        if (!(await tx.accounts.get(target))) throw deps.error('AccountNotFoundException', MSG.accountNotFound);
        if (await tx.organizations.orgOfAccount(target)) {
          throw deps.error(
            'HandshakeConstraintViolationException',
            'The account is already a member of an organization.',
            { Reason: 'ALREADY_IN_AN_ORGANIZATION' },
          );
        }
        const open = await tx.organizations.listHandshakes({ orgId: org.orgId, targetAccountId: target });
        if (open.some((x) => x.state === 'OPEN' || x.state === 'REQUESTED'))
          throw deps.error('DuplicateHandshakeException', MSG.duplicateHandshake);
        const record: HandshakeRecord = {
          handshakeId: newHandshakeId(),
          orgId: org.orgId,
          targetAccountId: target,
          state: 'OPEN',
          requestedAt: ctx.now,
          expiresAt: new Date(ctx.now.getTime() + 15 * 86_400_000),
          ...(input.Notes !== undefined ? { notes: input.Notes } : {}),
        };
        await tx.organizations.putHandshake(record);
        return record;
      });
      return { Handshake: handshakeShape(org, h) };
    },

    AcceptHandshake: (input, ctx) => respond(deps, ctx, input.HandshakeId, 'ACCEPTED'),
    DeclineHandshake: (input, ctx) => respond(deps, ctx, input.HandshakeId, 'DECLINED'),

    async CancelHandshake(input, ctx) {
      const org = await managementOrg(deps, ctx, 'CancelHandshake');
      const h = await store.organizations.getHandshake(input.HandshakeId);
      if (!h || h.orgId !== org.orgId) throw deps.error('HandshakeNotFoundException', MSG.handshakeNotFound);
      if (h.state === 'CANCELED')
        throw deps.error(
          'HandshakeAlreadyInStateException',
          'The specified handshake is already in the requested state.',
        );
      if (h.state !== 'OPEN' && h.state !== 'REQUESTED')
        throw deps.error('InvalidHandshakeTransitionException', MSG.handshakeTransition);
      const updated: HandshakeRecord = { ...h, state: 'CANCELED' };
      await store.organizations.putHandshake(updated);
      return { Handshake: handshakeShape(org, updated) };
    },

    async DescribeHandshake(input, ctx) {
      await authorize(deps, ctx, 'DescribeHandshake', '*');
      const h = await store.organizations.getHandshake(input.HandshakeId);
      const org = h && (await store.organizations.getOrg(h.orgId));
      if (
        !h ||
        !org ||
        (h.targetAccountId !== ctx.principal.accountId && org.managementAccountId !== ctx.principal.accountId)
      ) {
        throw deps.error('HandshakeNotFoundException', MSG.handshakeNotFound);
      }
      return { Handshake: handshakeShape(org, h) };
    },

    async ListHandshakesForAccount(input, ctx) {
      await authorize(deps, ctx, 'ListHandshakesForAccount', '*');
      const all = await store.organizations.listHandshakes({ targetAccountId: ctx.principal.accountId });
      const shaped: Handshake[] = [];
      for (const h of all) {
        const org = await store.organizations.getOrg(h.orgId);
        if (org && (!input.Filter?.ActionType || input.Filter.ActionType === 'INVITE'))
          shaped.push(handshakeShape(org, h));
      }
      const { page, NextToken } = paginate(shaped, input, deps);
      return { Handshakes: page, ...(NextToken ? { NextToken } : {}) };
    },

    async ListHandshakesForOrganization(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListHandshakesForOrganization');
      const all = (await store.organizations.listHandshakes({ orgId: org.orgId })).map((h) => handshakeShape(org, h));
      const { page, NextToken } = paginate(all, input, deps);
      return { Handshakes: page, ...(NextToken ? { NextToken } : {}) };
    },
  };
}

/**
 * A closed (SUSPENDED) member stays in the organization until AWS removes it, 90 days after the
 * close ("Closing a member account in your organization", AWS Organizations User Guide); neither
 * the management account nor the member can take it out, so removing it reopens nothing.
 */
const closedCannotLeave = (deps: OrgDeps) =>
  deps.error('ConstraintViolationException', MSG.closedCannotLeave, { Reason: 'ACCOUNT_CANNOT_LEAVE_ORGANIZATION' });

/** An account leaves: its membership, policy attachments, tags and delegations go. */
async function leave(tx: OrgStore, org: OrgRecord, accountId: string): Promise<void> {
  for (const a of await tx.organizations.attachments(org.orgId, { targetId: accountId }))
    await tx.organizations.detach(org.orgId, a.policyId, accountId);
  for (const d of await tx.organizations.delegatedAdmins(org.orgId)) {
    if (d.accountId === accountId)
      await tx.organizations.removeDelegatedAdmin(org.orgId, accountId, d.servicePrincipal);
  }
  await tx.organizations.removeTags(
    org.orgId,
    accountId,
    (await tx.organizations.tags(org.orgId, accountId)).map((t) => t.key),
  );
  await tx.organizations.removeAccount(accountId);
}

/** Accept or decline: only the invited account may, and only while the handshake is open. */
async function respond(
  deps: OrgDeps,
  ctx: CallContext,
  handshakeId: string,
  state: 'ACCEPTED' | 'DECLINED',
): Promise<{ Handshake: Handshake }> {
  await authorize(deps, ctx, state === 'ACCEPTED' ? 'AcceptHandshake' : 'DeclineHandshake', '*');
  const result = await deps.store.transaction(async (tx) => {
    const h = await tx.organizations.getHandshake(handshakeId);
    const org = h && (await tx.organizations.getOrg(h.orgId));
    if (!h || !org || h.targetAccountId !== ctx.principal.accountId)
      throw deps.error('HandshakeNotFoundException', MSG.handshakeNotFound);
    if (h.state === state)
      throw deps.error(
        'HandshakeAlreadyInStateException',
        'The specified handshake is already in the requested state.',
      );
    if (h.state !== 'OPEN' && h.state !== 'REQUESTED')
      throw deps.error('InvalidHandshakeTransitionException', MSG.handshakeTransition);
    if (state === 'ACCEPTED') {
      if (await tx.organizations.orgOfAccount(h.targetAccountId)) {
        throw deps.error(
          'HandshakeConstraintViolationException',
          'The account is already a member of an organization.',
          { Reason: 'ALREADY_IN_AN_ORGANIZATION' },
        );
      }
      const account = await tx.accounts.get(h.targetAccountId);
      await tx.organizations.addAccount({
        accountId: h.targetAccountId,
        orgId: org.orgId,
        parentId: org.rootId,
        name: account?.name ?? h.targetAccountId,
        email: account?.email ?? '',
        status: 'ACTIVE',
        joinedMethod: 'INVITED',
        joinedAt: ctx.now,
      });
      await attachDefaults(tx.organizations, org.orgId, h.targetAccountId);
    }
    const updated: HandshakeRecord = { ...h, state };
    await tx.organizations.putHandshake(updated);
    return { org, updated };
  });
  if (state === 'ACCEPTED') scpsChanged(deps);
  return { Handshake: handshakeShape(result.org, result.updated) };
}
