import {
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  DeleteOrganizationCommand,
  DeleteOrganizationalUnitCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationCommand,
  DescribeOrganizationalUnitCommand,
  InviteAccountToOrganizationCommand,
  AcceptHandshakeCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListChildrenCommand,
  ListCreateAccountStatusCommand,
  ListHandshakesForAccountCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  MoveAccountCommand,
  RegisterDelegatedAdministratorCommand,
  ListDelegatedAdministratorsCommand,
  RemoveAccountFromOrganizationCommand,
  TagResourceCommand,
  UpdateOrganizationalUnitCommand,
  EnableAWSServiceAccessCommand,
  ListAWSServiceAccessForOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondAccount } from './support/accounts.js';
import { orgs, rootKeyFor } from './support/organizations.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('organization lifecycle', () => {
  it('DescribeOrganization before there is one: AWSOrganizationsNotInUseException', async () => {
    const err = await caught(() => orgs(t).send(new DescribeOrganizationCommand({})));
    expect(err.name).toBe('AWSOrganizationsNotInUseException');
    expect(err.message).toBe('Your account is not a member of an organization.');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  let orgId = '';
  let rootId = '';
  it('CreateOrganization makes the caller the management account, with a root and FullAWSAccess', async () => {
    const { Organization: o } = await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    expect(o?.Id).toMatch(/^o-[a-z0-9]{10}$/);
    expect(o?.MasterAccountId).toBe(t.accountId);
    expect(o?.Arn).toBe(`arn:aws:organizations::${t.accountId}:organization/${o?.Id}`);
    expect(o?.FeatureSet).toBe('ALL');
    orgId = o!.Id!;
    const roots = await orgs(t).send(new ListRootsCommand({}));
    rootId = roots.Roots![0]!.Id!;
    expect(rootId).toMatch(/^r-[a-z0-9]{4}$/);
    expect(roots.Roots![0]!.Arn).toBe(`arn:aws:organizations::${t.accountId}:root/${orgId}/${rootId}`);
    expect(roots.Roots![0]!.PolicyTypes).toEqual([]);
    const described = await orgs(t).send(new DescribeOrganizationCommand({}));
    expect(described.Organization?.Id).toBe(orgId);
    const accounts = await orgs(t).send(new ListAccountsCommand({}));
    expect(accounts.Accounts?.map((a) => a.Id)).toEqual([t.accountId]);
  });

  it('a second CreateOrganization: AlreadyInOrganizationException', async () => {
    const err = await caught(() => orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' })));
    expect(err.name).toBe('AlreadyInOrganizationException');
  });

  let accountId = '';
  it('CreateAccount is asynchronous: IN_PROGRESS, then SUCCEEDED with the account ID', async () => {
    const created = await orgs(t).send(new CreateAccountCommand({ Email: 'dev@example.com', AccountName: 'dev' }));
    const status = created.CreateAccountStatus!;
    expect(status.Id).toMatch(/^car-[a-z0-9]{32}$/);
    expect(status.State).toBe('IN_PROGRESS');
    expect(status.AccountId).toBeUndefined();
    const done = await orgs(t).send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: status.Id! }));
    expect(done.CreateAccountStatus?.State).toBe('SUCCEEDED');
    accountId = done.CreateAccountStatus!.AccountId!;
    expect(accountId).toMatch(/^\d{12}$/);
    const listed = await orgs(t).send(new ListCreateAccountStatusCommand({ States: ['SUCCEEDED'] }));
    expect(listed.CreateAccountStatuses?.map((s) => s.Id)).toContain(status.Id);
    const { Account } = await orgs(t).send(new DescribeAccountCommand({ AccountId: accountId }));
    expect(Account).toMatchObject({
      Id: accountId,
      Name: 'dev',
      Email: 'dev@example.com',
      Status: 'ACTIVE',
      JoinedMethod: 'CREATED',
    });
    expect(Account?.Arn).toBe(`arn:aws:organizations::${t.accountId}:account/${orgId}/${accountId}`);
  });

  it('the same email again fails asynchronously with EMAIL_ALREADY_EXISTS', async () => {
    const created = await orgs(t).send(new CreateAccountCommand({ Email: 'dev@example.com', AccountName: 'dev2' }));
    const done = await orgs(t).send(
      new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: created.CreateAccountStatus!.Id! }),
    );
    expect(done.CreateAccountStatus).toMatchObject({ State: 'FAILED', FailureReason: 'EMAIL_ALREADY_EXISTS' });
  });

  it('the new account has OrganizationAccountAccessRole trusting the management account, with AdministratorAccess', async () => {
    const memberRoot = await rootKeyFor(t, accountId);
    const iam = t.iam(memberRoot);
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'OrganizationAccountAccessRole' }));
    expect(Role?.Arn).toBe(`arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`);
    const trust = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!));
    expect(trust.Statement[0].Principal.AWS).toBe(`arn:aws:iam::${t.accountId}:root`);
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'OrganizationAccountAccessRole' }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['AdministratorAccess']);
    // A member sees the organization, but may not manage it.
    const described = await orgs(t, memberRoot).send(new DescribeOrganizationCommand({}));
    expect(described.Organization?.Id).toBe(orgId);
    const denied = await caught(() => orgs(t, memberRoot).send(new ListAccountsCommand({})));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toBe("You don't have permissions to access this resource.");
  });

  it('OUs: create, rename, list, move an account in, ListParents/ListChildren, not-empty delete', async () => {
    const { OrganizationalUnit: ou } = await orgs(t).send(
      new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Workloads' }),
    );
    expect(ou?.Id).toMatch(new RegExp(`^ou-${rootId.slice(2)}-[a-z0-9]{8}$`));
    expect(ou?.Arn).toBe(`arn:aws:organizations::${t.accountId}:ou/${orgId}/${ou?.Id}`);
    const dup = await caught(() =>
      orgs(t).send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Workloads' })),
    );
    expect(dup.name).toBe('DuplicateOrganizationalUnitException');
    await orgs(t).send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id!, Name: 'Prod' }));
    expect(
      (await orgs(t).send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id! }))).OrganizationalUnit
        ?.Name,
    ).toBe('Prod');
    const ous = await orgs(t).send(new ListOrganizationalUnitsForParentCommand({ ParentId: rootId }));
    expect(ous.OrganizationalUnits?.map((o) => o.Name)).toEqual(['Prod']);

    await orgs(t).send(
      new MoveAccountCommand({ AccountId: accountId, SourceParentId: rootId, DestinationParentId: ou!.Id! }),
    );
    const parents = await orgs(t).send(new ListParentsCommand({ ChildId: accountId }));
    expect(parents.Parents).toEqual([{ Id: ou!.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
    const children = await orgs(t).send(new ListChildrenCommand({ ParentId: ou!.Id!, ChildType: 'ACCOUNT' }));
    expect(children.Children).toEqual([{ Id: accountId, Type: 'ACCOUNT' }]);
    const inOu = await orgs(t).send(new ListAccountsForParentCommand({ ParentId: ou!.Id! }));
    expect(inOu.Accounts?.map((a) => a.Id)).toEqual([accountId]);

    const again = await caught(() =>
      orgs(t).send(
        new MoveAccountCommand({ AccountId: accountId, SourceParentId: rootId, DestinationParentId: ou!.Id! }),
      ),
    );
    expect(again.name).toBe('AccountNotFoundException');
    const notEmpty = await caught(() =>
      orgs(t).send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id! })),
    );
    expect(notEmpty.name).toBe('OrganizationalUnitNotEmptyException');
    const missing = await caught(() =>
      orgs(t).send(new ListChildrenCommand({ ParentId: 'ou-abcd-12345678', ChildType: 'ACCOUNT' })),
    );
    expect(missing.name).toBe('ParentNotFoundException');
    await orgs(t).send(
      new MoveAccountCommand({ AccountId: accountId, SourceParentId: ou!.Id!, DestinationParentId: rootId }),
    );
    await orgs(t).send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id! }));
    const gone = await caught(() =>
      orgs(t).send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id! })),
    );
    expect(gone.name).toBe('OrganizationalUnitNotFoundException');
  });

  it('tags, trusted access and delegated administrators', async () => {
    await orgs(t).send(new TagResourceCommand({ ResourceId: accountId, Tags: [{ Key: 'team', Value: 'core' }] }));
    expect((await orgs(t).send(new ListTagsForResourceCommand({ ResourceId: accountId }))).Tags).toEqual([
      { Key: 'team', Value: 'core' },
    ]);
    await orgs(t).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'iam.amazonaws.com' }));
    const access = await orgs(t).send(new ListAWSServiceAccessForOrganizationCommand({}));
    expect(access.EnabledServicePrincipals?.map((s) => s.ServicePrincipal)).toEqual(['iam.amazonaws.com']);
    await orgs(t).send(
      new RegisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: 'iam.amazonaws.com' }),
    );
    const again = await caught(() =>
      orgs(t).send(
        new RegisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: 'iam.amazonaws.com' }),
      ),
    );
    expect(again.name).toBe('AccountAlreadyRegisteredException');
    const admins = await orgs(t).send(
      new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'iam.amazonaws.com' }),
    );
    expect(admins.DelegatedAdministrators?.map((a) => a.Id)).toEqual([accountId]);
  });

  it('an existing account is invited, accepts the handshake and joins', async () => {
    const other = await secondAccount(t, '210987654321');
    const { Handshake } = await orgs(t).send(
      new InviteAccountToOrganizationCommand({ Target: { Id: other.accountId, Type: 'ACCOUNT' } }),
    );
    expect(Handshake?.State).toBe('OPEN');
    expect(Handshake?.Id).toMatch(/^h-[a-z0-9]{8,32}$/);
    const dup = await caught(() =>
      orgs(t).send(new InviteAccountToOrganizationCommand({ Target: { Id: other.accountId, Type: 'ACCOUNT' } })),
    );
    expect(dup.name).toBe('DuplicateHandshakeException');
    const mine = await orgs(t, other.root).send(new ListHandshakesForAccountCommand({}));
    expect(mine.Handshakes?.map((h) => h.Id)).toEqual([Handshake?.Id]);
    const accepted = await orgs(t, other.root).send(new AcceptHandshakeCommand({ HandshakeId: Handshake!.Id! }));
    expect(accepted.Handshake?.State).toBe('ACCEPTED');
    const { Account } = await orgs(t).send(new DescribeAccountCommand({ AccountId: other.accountId }));
    expect(Account?.JoinedMethod).toBe('INVITED');
    await orgs(t).send(new RemoveAccountFromOrganizationCommand({ AccountId: other.accountId }));
    const removed = await caught(() => orgs(t).send(new DescribeAccountCommand({ AccountId: other.accountId })));
    expect(removed.name).toBe('AccountNotFoundException');
    expect(removed.message).toBe("You specified an account that doesn't exist.");
  });

  it('DeleteOrganization needs the member accounts gone; a closed member stays (SUSPENDED) and cannot be removed', async () => {
    const notEmpty = await caught(() => orgs(t).send(new DeleteOrganizationCommand({})));
    expect(notEmpty.name).toBe('OrganizationNotEmptyException');
    expect(notEmpty.message).toBe(
      'To delete an organization you must first remove all member accounts (except the management account).',
    );
    await orgs(t).send(new CloseAccountCommand({ AccountId: accountId }));
    expect((await orgs(t).send(new DescribeAccountCommand({ AccountId: accountId }))).Account?.Status).toBe(
      'SUSPENDED',
    );
    const closed = await caught(() => orgs(t).send(new CloseAccountCommand({ AccountId: accountId })));
    expect(closed.name).toBe('AccountAlreadyClosedException');
    // AWS keeps a closed member in the organization until it removes it itself, 90 days after the
    // close; the management account cannot remove it (test/closed-account.e2e.test.ts has the rest).
    const removal = await caught(() =>
      orgs(t).send(new RemoveAccountFromOrganizationCommand({ AccountId: accountId })),
    );
    expect(removal.name).toBe('ConstraintViolationException');
    expect((await orgs(t).send(new DescribeAccountCommand({ AccountId: accountId }))).Account?.Status).toBe(
      'SUSPENDED',
    );
    expect((await caught(() => orgs(t).send(new DeleteOrganizationCommand({})))).name).toBe(
      'OrganizationNotEmptyException',
    );
    expect((await orgs(t).send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId).toBe(t.accountId);
  });
});
