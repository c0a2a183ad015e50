import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { Credentials as StsCredentials } from '@aws-sdk/client-sts';
import type { Credentials, TestWard } from './ward.js';

/** The SDK's STS Credentials as the test clients take them. */
export function sessionCredentials(c: StsCredentials | undefined): Credentials {
  return { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! };
}

/** A trust policy letting `principal` (an ARN or account ID) assume the role, with optional extra actions and conditions. */
export function trustPolicy(
  principal: Record<string, string | string[]>,
  options: { actions?: string[]; condition?: unknown } = {},
): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: options.actions ?? ['sts:AssumeRole'],
        ...(options.condition ? { Condition: options.condition } : {}),
      },
    ],
  });
}

/** Creates a role with a trust policy and inline policies; returns its ARN. */
export async function createRole(
  t: TestWard,
  name: string,
  trust: string,
  inline: Record<string, unknown> = {},
  extra: { maxSessionDuration?: number; credentials?: Credentials } = {},
): Promise<string> {
  const iam = t.iam(extra.credentials);
  const out = await iam.send(
    new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: trust,
      ...(extra.maxSessionDuration ? { MaxSessionDuration: extra.maxSessionDuration } : {}),
    }),
  );
  for (const [policyName, doc] of Object.entries(inline)) {
    await iam.send(
      new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: JSON.stringify(doc) }),
    );
  }
  return out.Role!.Arn!;
}
