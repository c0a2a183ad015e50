import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustPolicy } from './support/sts.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 14: CreateRole accepted the reserved `/aws-service-role/` path, so anyone allowed
 * iam:CreateRole could make a role that passes for service-linked: its sessions skip SCPs and
 * nobody may edit it. AWS refuses it with InvalidInput "Path prefix '/aws-service-role/' can only
 * be used for AWS Service linked Roles" (as reported in tilfin/aws-iam-policy-tool#9); only
 * CreateServiceLinkedRole makes roles there.
 */
let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('CreateRole and the service-linked path', () => {
  it('refuses /aws-service-role/ and any path under it, even to root', async () => {
    for (const Path of ['/aws-service-role/', '/aws-service-role/ecs.amazonaws.com/']) {
      const err = await caught(() =>
        t.iam().send(
          new CreateRoleCommand({
            RoleName: 'AWSServiceRoleForECS',
            Path,
            AssumeRolePolicyDocument: trustPolicy({ Service: 'ecs.amazonaws.com' }),
          }),
        ),
      );
      expect(err.name).toBe('InvalidInputException');
      expect(err.Code).toBe('InvalidInput');
      expect(err.message).toBe("Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles");
      expect(err.$metadata?.httpStatusCode).toBe(400);
    }
    expect((await caught(() => t.iam().send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForECS' })))).name).toBe(
      'NoSuchEntityException',
    );
  });

  it('still accepts the customer path /service-role/', async () => {
    const { Role } = await t.iam().send(
      new CreateRoleCommand({
        RoleName: 'codebuild',
        Path: '/service-role/',
        AssumeRolePolicyDocument: trustPolicy({ Service: 'codebuild.amazonaws.com' }),
      }),
    );
    expect(Role?.Arn).toBe(`arn:aws:iam::${t.accountId}:role/service-role/codebuild`);
  });
});
