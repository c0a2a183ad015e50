import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import type { Credentials, TestWard } from './ward.js';

/** Creates a user with an access key (and inline policies, if given) and returns its credentials. */
export async function userWithKey(
  t: TestWard,
  userName: string,
  inline: Record<string, unknown> = {},
): Promise<Credentials> {
  const iam = t.iam();
  await iam.send(new CreateUserCommand({ UserName: userName }));
  for (const [name, doc] of Object.entries(inline)) {
    await iam.send(
      new PutUserPolicyCommand({ UserName: userName, PolicyName: name, PolicyDocument: JSON.stringify(doc) }),
    );
  }
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** A 2012-10-17 policy document from statements. */
export const policy = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
