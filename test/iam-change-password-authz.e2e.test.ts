import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCredentials } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 10: with the password policy's AllowUsersToChangePassword on, ChangePassword
 * skipped authorization altogether, so an explicit Deny, a permissions boundary and the rule that
 * GetSessionToken credentials without MFA cannot call IAM were all bypassed. In AWS the setting
 * only grants each user iam:ChangePassword on itself (as the IAMUserChangePassword policy does);
 * every other layer of the evaluation still applies, and a denial is the usual AccessDenied.
 */
let t: TestWard;
const OLD = 'Correct-Horse-1';

async function userWithPassword(name: string, inline: Record<string, unknown> = {}): Promise<Credentials> {
  const key = await userWithKey(t, name, inline);
  await t.iam().send(new CreateLoginProfileCommand({ UserName: name, Password: OLD }));
  return key;
}

beforeAll(async () => {
  t = await startTestWard();
  await t
    .iam()
    .send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, AllowUsersToChangePassword: true }));
});
afterAll(() => t.close());

const change = (creds: Credentials) =>
  t.iam(creds).send(new ChangePasswordCommand({ OldPassword: OLD, NewPassword: 'Battery-Staple-2' }));

describe('ChangePassword under AllowUsersToChangePassword', () => {
  it('lets a user with no policies change its own password', async () => {
    const plain = await userWithPassword('plain');
    await change(plain);
    // The change took: the old password no longer opens the door.
    const again = await caught(() => change(plain));
    expect(again.Code).toBe('InvalidUserType');
    expect(again.message).toBe('The old password was incorrect');
  });

  it('is refused by an explicit Deny in the identity policy', async () => {
    const denied = await userWithPassword('denied', {
      nope: policy({ Effect: 'Deny', Action: 'iam:ChangePassword', Resource: '*' }),
    });
    const err = await caught(() => change(denied));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/denied is not authorized to perform: iam:ChangePassword on resource: arn:aws:iam::${t.accountId}:user/denied with an explicit deny in an identity-based policy`,
    );
  });

  it('is refused by a permissions boundary that does not allow it', async () => {
    const bounded = await userWithPassword('bounded');
    const { Policy } = await t.iam().send(
      new CreatePolicyCommand({
        PolicyName: 'list-only',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' })),
      }),
    );
    await t
      .iam()
      .send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: Policy!.Arn! }));
    const err = await caught(() => change(bounded));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/bounded is not authorized to perform: iam:ChangePassword on resource: arn:aws:iam::${t.accountId}:user/bounded because no permissions boundary allows the iam:ChangePassword action`,
    );
  });

  it('is refused to GetSessionToken credentials obtained without MFA', async () => {
    const key = await userWithPassword('gst');
    const session = sessionCredentials((await t.sts(key).send(new GetSessionTokenCommand({}))).Credentials);
    const err = await caught(() => change(session));
    expect(err.name).toBe('AccessDenied');
    // The user's long-term key may still change it.
    await change(key);
  });
});
