/**
 * Service-linked role names follow AWS's table (issue 15), from src/iam/service-linked-roles/
 * service-linked-roles.json: names and CustomSuffix rules AWS answered with (LocalStack's
 * recorded responses) or documents.
 */
import { CreateServiceLinkedRoleCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('CreateServiceLinkedRole', () => {
  it.each([
    ['custom-resource.application-autoscaling.amazonaws.com', 'AWSServiceRoleForApplicationAutoScaling_CustomResource'],
    ['ec2.application-autoscaling.amazonaws.com', 'AWSServiceRoleForApplicationAutoScaling_EC2SpotFleetRequest'],
    ['acm.amazonaws.com', 'AWSServiceRoleForCertificateManager'],
    ['dms.amazonaws.com', 'AWSServiceRoleForDMSServerless'],
    ['ops.apigateway.amazonaws.com', 'AWSServiceRoleForAPIGateway'],
    ['docdb-elastic.amazonaws.com', 'AWSServiceRoleForDocDB-Elastic'],
    ['lexv2.amazonaws.com', 'AWSServiceRoleForLexV2Bots'],
  ])('names the role of %s %s, under /aws-service-role/<service>/', async (service, roleName) => {
    const role = (await t.iam().send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service }))).Role!;
    expect(role.RoleName).toBe(roleName);
    expect(role.Path).toBe(`/aws-service-role/${service}/`);
  });

  it('takes a CustomSuffix only where AWS does', async () => {
    const iam = t.iam();
    const suffixed = (
      await iam.send(
        new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com', CustomSuffix: 'web' }),
      )
    ).Role!;
    expect(suffixed.RoleName).toBe('AWSServiceRoleForAutoScaling_web');
    for (const service of [
      'config.amazonaws.com',
      'cloudtrail.amazonaws.com',
      'custom-resource.application-autoscaling.amazonaws.com',
    ]) {
      const err = await caught(() =>
        iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service, CustomSuffix: 'x' })),
      );
      expect([err.name, err.message]).toEqual(['InvalidInputException', `Custom suffix is not allowed for ${service}`]);
    }
  });
});
