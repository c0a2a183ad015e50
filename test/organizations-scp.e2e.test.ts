import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DescribeCreateAccountStatusCommand,
  DescribeEffectivePolicyCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  DisablePolicyTypeCommand,
  EnablePolicyTypeCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  MoveAccountCommand,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs, rootKeyFor } from './support/organizations.js';
import { policy } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
let rootId = '';
let ouId = '';
let member = '';
let memberRoot: Credentials;
let admin: Credentials;

/** SCP IDs by name, as the tests create them. */
const policies = new Map<string, string>();
function policyIdOf(name: string): string {
  const id = policies.get(name);
  if (!id) throw new Error(`no policy ${name}`);
  return id;
}

const DENY_CREATE_USER = JSON.stringify(policy({ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }));

beforeAll(async () => {
  t = await startTestWard();
  await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  rootId = (await orgs(t).send(new ListRootsCommand({}))).Roots![0]!.Id!;
  ouId = (await orgs(t).send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Sandbox' })))
    .OrganizationalUnit!.Id!;
  const car = (await orgs(t).send(new CreateAccountCommand({ Email: 'sandbox@example.com', AccountName: 'sandbox' })))
    .CreateAccountStatus!.Id!;
  member = (await orgs(t).send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: car })))
    .CreateAccountStatus!.AccountId!;
  await orgs(t).send(new MoveAccountCommand({ AccountId: member, SourceParentId: rootId, DestinationParentId: ouId }));
  // The member account's root, and an administrator in it.
  memberRoot = await rootKeyFor(t, member);
  const iam = t.iam(memberRoot);
  await iam.send(new CreateUserCommand({ UserName: 'admin' }));
  await iam.send(
    new AttachUserPolicyCommand({ UserName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'admin' }))).AccessKey!;
  admin = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});
afterAll(() => t.close());

describe('SCP management', () => {
  let policyId = '';

  it('attaching before the SCP type is enabled: PolicyTypeNotEnabledException', async () => {
    const created = await orgs(t).send(
      new CreatePolicyCommand({
        Name: 'NoCreateUser',
        Description: 'deny iam:CreateUser',
        Type: 'SERVICE_CONTROL_POLICY',
        Content: DENY_CREATE_USER,
      }),
    );
    policyId = created.Policy!.PolicySummary!.Id!;
    expect(policyId).toMatch(/^p-[a-z0-9]{10}$/);
    policies.set('NoCreateUser', policyId);
    expect(created.Policy?.PolicySummary?.Arn).toMatch(
      new RegExp(`^arn:aws:organizations::${t.accountId}:policy/o-[a-z0-9]{10}/service_control_policy/${policyId}$`),
    );
    const err = await caught(() => orgs(t).send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: ouId })));
    expect(err.name).toBe('PolicyTypeNotEnabledException');
    expect(err.message).toBe('This operation can be performed only for enabled policy types.');
  });

  it('a malformed SCP: MalformedPolicyDocumentException', async () => {
    const err = await caught(() =>
      orgs(t).send(
        new CreatePolicyCommand({
          Name: 'Bad',
          Description: '',
          Type: 'SERVICE_CONTROL_POLICY',
          Content: JSON.stringify(policy({ Effect: 'Deny', Resource: '*' })),
        }),
      ),
    );
    expect(err.name).toBe('MalformedPolicyDocumentException');
    expect(err.message).toBe(
      'The provided policy document does not meet the requirements of the specified policy type.',
    );
    const dup = await caught(() =>
      orgs(t).send(
        new CreatePolicyCommand({
          Name: 'NoCreateUser',
          Description: '',
          Type: 'SERVICE_CONTROL_POLICY',
          Content: DENY_CREATE_USER,
        }),
      ),
    );
    expect(dup.name).toBe('DuplicatePolicyException');
  });

  it('EnablePolicyType, then attach/list/detach; a policy in use cannot be deleted', async () => {
    const { Root } = await orgs(t).send(
      new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }),
    );
    expect(Root?.PolicyTypes).toEqual([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]);
    const again = await caught(() =>
      orgs(t).send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' })),
    );
    expect(again.name).toBe('PolicyTypeAlreadyEnabledException');

    const listed = await orgs(t).send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(listed.Policies?.map((p) => [p.Id, p.AwsManaged])).toEqual([
      ['p-FullAWSAccess', true],
      [policyId, false],
    ]);
    await orgs(t).send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: ouId }));
    const dup = await caught(() => orgs(t).send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: ouId })));
    expect(dup.name).toBe('DuplicatePolicyAttachmentException');
    const onOu = await orgs(t).send(
      new ListPoliciesForTargetCommand({ TargetId: ouId, Filter: 'SERVICE_CONTROL_POLICY' }),
    );
    expect(onOu.Policies?.map((p) => p.Id).sort()).toEqual(['p-FullAWSAccess', policyId].sort());
    const targets = await orgs(t).send(new ListTargetsForPolicyCommand({ PolicyId: policyId }));
    expect(targets.Targets).toEqual([
      { TargetId: ouId, Arn: expect.stringContaining(`:ou/`), Name: 'Sandbox', Type: 'ORGANIZATIONAL_UNIT' },
    ]);

    const inUse = await caught(() => orgs(t).send(new DeletePolicyCommand({ PolicyId: policyId })));
    expect(inUse.name).toBe('PolicyInUseException');
    const missing = await caught(() =>
      orgs(t).send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: '999999999999' })),
    );
    expect(missing.name).toBe('TargetNotFoundException');
    const noPolicy = await caught(() => orgs(t).send(new DescribePolicyCommand({ PolicyId: 'p-zzzzzzzz' })));
    expect(noPolicy.name).toBe('PolicyNotFoundException');
    // The last SCP on a target cannot be detached.
    const last = await caught(() =>
      orgs(t).send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: member })),
    );
    expect(last.name).toBe('ConstraintViolationException');
  });

  it('DescribeEffectivePolicy does not take SERVICE_CONTROL_POLICY', async () => {
    const err = await caught(() =>
      orgs(t).send(new DescribeEffectivePolicyCommand({ PolicyType: 'SERVICE_CONTROL_POLICY' as never })),
    );
    // EffectivePolicyType has no SERVICE_CONTROL_POLICY: the input fails validation, as in AWS.
    expect(err.name).toBe('InvalidInputException');
    // AWS's reason sentence and Reason, not botocore's "1 validation error detected" wording.
    expect(err.message).toBe('You specified an invalid value.');
    expect((err as { Reason?: string }).Reason).toBe('INVALID_ENUM');
  });

  describe('enforcement', () => {
    const userArn = (name: string) => `arn:aws:iam::${member}:user/${name}`;

    it('an SCP Deny on the OU beats AdministratorAccess of a member account user', async () => {
      const err = await caught(() => t.iam(admin).send(new CreateUserCommand({ UserName: 'blocked' })));
      expect(err.name).toBe('AccessDenied');
      expect(err.message).toBe(
        `User: ${userArn('admin')} is not authorized to perform: iam:CreateUser on resource: ${userArn('blocked')} with an explicit deny in a service control policy`,
      );
      // What the SCP does not deny still works.
      await t.iam(admin).send(new ListUsersCommand({}));
    });

    it("the member account's root user is bound too", async () => {
      const err = await caught(() => t.iam(memberRoot).send(new CreateUserCommand({ UserName: 'blocked' })));
      expect(err.name).toBe('AccessDenied');
      expect(err.message).toContain('with an explicit deny in a service control policy');
    });

    it('the management account is exempt', async () => {
      await orgs(t).send(new AttachPolicyCommand({ PolicyId: policyIdOf('NoCreateUser'), TargetId: rootId }));
      const made = await t.iam().send(new CreateUserCommand({ UserName: 'made-by-management' }));
      expect(made.User?.Arn).toBe(`arn:aws:iam::${t.accountId}:user/made-by-management`);
      // Meanwhile a member account under the same SCP stays bound by it.
      const err = await caught(() =>
        t.iam(memberRoot).send(new CreateUserCommand({ UserName: 'blocked-by-root-scp' })),
      );
      expect(err.message).toContain('with an explicit deny in a service control policy');
      await orgs(t).send(new DetachPolicyCommand({ PolicyId: policyIdOf('NoCreateUser'), TargetId: rootId }));
    });

    it('an SCP level that allows nothing denies implicitly', async () => {
      const onlyList = (
        await orgs(t).send(
          new CreatePolicyCommand({
            Name: 'OnlyList',
            Description: '',
            Type: 'SERVICE_CONTROL_POLICY',
            Content: JSON.stringify(policy({ Effect: 'Allow', Action: 'iam:List*', Resource: '*' })),
          }),
        )
      ).Policy!.PolicySummary!.Id!;
      policies.set('OnlyList', onlyList);
      await orgs(t).send(new AttachPolicyCommand({ PolicyId: onlyList, TargetId: member }));
      await orgs(t).send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: member }));
      const err = await caught(() => t.iam(admin).send(new CreateAccessKeyCommand({ UserName: 'admin' })));
      expect(err.message).toBe(
        `User: ${userArn('admin')} is not authorized to perform: iam:CreateAccessKey on resource: ${userArn('admin')} because no service control policy allows the iam:CreateAccessKey action`,
      );
      await t.iam(admin).send(new ListUsersCommand({}));
      await orgs(t).send(new AttachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: member }));
      await orgs(t).send(new DetachPolicyCommand({ PolicyId: onlyList, TargetId: member }));
    });

    it('UpdatePolicy takes effect at once', async () => {
      const id = policyIdOf('NoCreateUser');
      await orgs(t).send(
        new UpdatePolicyCommand({
          PolicyId: id,
          Content: JSON.stringify(policy({ Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' })),
        }),
      );
      await t.iam(admin).send(new CreateUserCommand({ UserName: 'allowed-after-update' }));
      await orgs(t).send(new UpdatePolicyCommand({ PolicyId: id, Content: DENY_CREATE_USER }));
      const err = await caught(() => t.iam(admin).send(new CreateUserCommand({ UserName: 'blocked-again' })));
      expect(err.message).toContain('with an explicit deny in a service control policy');
    });

    it('with the SCP type disabled, SCPs have no effect', async () => {
      const { Root } = await orgs(t).send(
        new DisablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }),
      );
      expect(Root?.PolicyTypes).toEqual([]);
      await t.iam(admin).send(new CreateUserCommand({ UserName: 'allowed-when-disabled' }));
      const targets = await orgs(t).send(new ListTargetsForPolicyCommand({ PolicyId: policyIdOf('NoCreateUser') }));
      expect(targets.Targets).toEqual([]);
      const err = await caught(() =>
        orgs(t).send(new DisablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' })),
      );
      expect(err.name).toBe('PolicyTypeNotEnabledException');
      await orgs(t).send(new DeletePolicyCommand({ PolicyId: policyIdOf('NoCreateUser') }));
    });
  });
});
