import {
  AttachPolicyCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  DisablePolicyTypeCommand,
  EnablePolicyTypeCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from './support/organizations.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
let rootId = '';
beforeAll(async () => {
  t = await startTestWard();
  await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  rootId = (await orgs(t).send(new ListRootsCommand({}))).Roots![0]!.Id!;
});
afterAll(() => t.close());

/** A document of each stored type, in the shape its AWS service reads ("Management policy syntax and examples"). */
const DOCUMENTS: Record<string, unknown> = {
  DECLARATIVE_POLICY_EC2: { ec2_attributes: { serial_console_access: { status: { '@@assign': 'disabled' } } } },
  TAG_POLICY: { tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' } } } },
  BACKUP_POLICY: { plans: {} },
  AISERVICES_OPT_OUT_POLICY: { services: { default: { opt_out_policy: { '@@assign': 'optOut' } } } },
  CHATBOT_POLICY: { chatbot: { platforms: { slack: { client: { '@@assign': 'disabled' } } } } },
};

const MALFORMED = 'The provided policy document does not meet the requirements of the specified policy type.';

describe('declarative, tag, backup, AI services opt-out and chat applications policies are stored documents', () => {
  for (const [type, document] of Object.entries(DOCUMENTS)) {
    const Type = type as PolicyType;
    it(`${type}: enabled on the root, created, attached, listed, described, detached and disabled`, async () => {
      const created = await orgs(t).send(
        new CreatePolicyCommand({ Name: `p-${type}`, Description: type, Type, Content: JSON.stringify(document) }),
      );
      const id = created.Policy!.PolicySummary!.Id!;
      expect(created.Policy!.PolicySummary).toMatchObject({ Type, AwsManaged: false });
      expect(created.Policy!.PolicySummary!.Arn).toMatch(
        new RegExp(`:policy/o-[a-z0-9]{10}/${type.toLowerCase()}/${id}$`),
      );
      // Attaching needs the type enabled on the root, as for SCPs.
      expect((await caught(() => orgs(t).send(new AttachPolicyCommand({ PolicyId: id, TargetId: rootId })))).name).toBe(
        'PolicyTypeNotEnabledException',
      );
      const { Root } = await orgs(t).send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: Type }));
      expect(Root!.PolicyTypes).toContainEqual({ Type, Status: 'ENABLED' });
      await orgs(t).send(new AttachPolicyCommand({ PolicyId: id, TargetId: rootId }));
      // No AWS managed policy of these types is attached by default.
      expect(
        (await orgs(t).send(new ListPoliciesForTargetCommand({ TargetId: rootId, Filter: Type }))).Policies!.map(
          (p) => p.Id,
        ),
      ).toEqual([id]);
      expect((await orgs(t).send(new ListPoliciesCommand({ Filter: Type }))).Policies!.map((p) => p.Id)).toEqual([id]);
      expect(JSON.parse((await orgs(t).send(new DescribePolicyCommand({ PolicyId: id }))).Policy!.Content!)).toEqual(
        document,
      );
      await orgs(t).send(new DetachPolicyCommand({ PolicyId: id, TargetId: rootId }));
      expect(
        (await orgs(t).send(new ListPoliciesForTargetCommand({ TargetId: rootId, Filter: Type }))).Policies,
      ).toEqual([]);
      const { Root: after } = await orgs(t).send(new DisablePolicyTypeCommand({ RootId: rootId, PolicyType: Type }));
      expect(after!.PolicyTypes?.some((p) => p.Type === Type)).toBe(false);
    });
  }

  it('a document that is not a JSON object is MalformedPolicyDocumentException', async () => {
    for (const Content of ['{"tags":', '["tags"]', '"tags"']) {
      const err = await caught(() =>
        orgs(t).send(new CreatePolicyCommand({ Name: 'bad', Description: '', Type: 'TAG_POLICY', Content })),
      );
      expect(err.name).toBe('MalformedPolicyDocumentException');
      expect(err.message).toBe(MALFORMED);
    }
  });

  it('each type keeps AWS’s maximum document size: 2,500 characters for AI opt-out, 10,000 for tag policies', async () => {
    const sized = (n: number) => {
      const base = JSON.stringify({ services: { default: { opt_out_policy: { '@@assign': 'optOut' } } }, note: '' });
      return base.replace('"note":""', `"note":"${'x'.repeat(n - base.length)}"`);
    };
    expect(sized(2500)).toHaveLength(2500);
    await orgs(t).send(
      new CreatePolicyCommand({
        Name: 'at-limit',
        Description: '',
        Type: 'AISERVICES_OPT_OUT_POLICY',
        Content: sized(2500),
      }),
    );
    const over = await caught(() =>
      orgs(t).send(
        new CreatePolicyCommand({
          Name: 'over-limit',
          Description: '',
          Type: 'AISERVICES_OPT_OUT_POLICY',
          Content: sized(2501),
        }),
      ),
    );
    expect(over.name).toBe('ConstraintViolationException');
    expect((over as { Reason?: string }).Reason).toBe('POLICY_CONTENT_LIMIT_EXCEEDED');
    expect(over.message).toBe('You attempted to create a policy that is larger than the maximum size.');
    // The same 2,501 characters are well within a tag policy's 10,000.
    await orgs(t).send(
      new CreatePolicyCommand({ Name: 'tag-2501', Description: '', Type: 'TAG_POLICY', Content: sized(2501) }),
    );
  });
});
