import { randomBytes } from 'node:crypto';
import { credentialErrors } from '../credentials/errors.js';
import type { PasswordPolicyRecord } from '../credentials-store.js';
import { iamErrors } from '../errors.js';
import { authorizedOwner, authorizedUser, ownerAccountId, ownerUserId, ownerUserName } from '../core/resolve.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { hashPassword, verifyPassword } from '../core/password-hash.js';
import { enforcePasswordPolicy, passwordExpired } from '../core/password-policy.js';

/** What AllowUsersToChangePassword grants a user, as AWS's IAMUserChangePassword policy words it for oneself. */
function changeOwnPasswordGrant(userArn: string): { id: string; document: string } {
  return {
    id: 'AccountPasswordPolicy/AllowUsersToChangePassword',
    document: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: userArn }],
    }),
  };
}

export function passwordHandlers({ store }: IamDeps): IamHandlers {
  return {
    async CreateLoginProfile(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:CreateLoginProfile');
      const accountId = ownerAccountId(owner);
      const userId = ownerUserId(owner);
      // An sts:AssumeRoot session (IAMCreateRootUserPassword) may create the member root's login
      // profile without a password: AWS then lets the root user recover one by email (the email
      // flow is out of Ward's scope; the profile gets an unusable random password meanwhile).
      const rootRecovery =
        input.Password === undefined && owner.kind === 'root' && ctx.principal.session?.assumedRoot !== undefined;
      if (input.Password === undefined && !rootRecovery)
        throw iamErrors.invalidInput('Password is required to create a login profile.');
      if (await store.credentials.getLoginProfile(accountId, userId))
        throw credentialErrors.loginProfileExists(ownerUserName(owner));
      if (input.Password !== undefined) await enforcePasswordPolicy(store, accountId, userId, input.Password);
      const passwordHash = await hashPassword(input.Password ?? randomBytes(48).toString('base64'));
      const resetRequired = input.PasswordResetRequired ?? false;
      await store.transaction(async (tx) => {
        if (await tx.credentials.getLoginProfile(accountId, userId))
          throw credentialErrors.loginProfileExists(ownerUserName(owner));
        await tx.credentials.putLoginProfile({
          accountId,
          ...(userId ? { userId } : {}),
          passwordHash,
          createdAt: ctx.now,
          passwordChangedAt: ctx.now,
          resetRequired,
        });
      });
      return {
        LoginProfile: { UserName: ownerUserName(owner), CreateDate: ctx.now, PasswordResetRequired: resetRequired },
      };
    },

    async GetLoginProfile(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:GetLoginProfile');
      const profile = await store.credentials.getLoginProfile(ownerAccountId(owner), ownerUserId(owner));
      if (!profile) throw credentialErrors.noSuchLoginProfile(ownerUserName(owner));
      return {
        LoginProfile: {
          UserName: ownerUserName(owner),
          CreateDate: profile.createdAt,
          PasswordResetRequired: profile.resetRequired,
        },
      };
    },

    async UpdateLoginProfile(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:UpdateLoginProfile');
      const accountId = ownerAccountId(owner);
      const userId = ownerUserId(owner);
      const profile = await store.credentials.getLoginProfile(accountId, userId);
      if (!profile) throw credentialErrors.noSuchLoginProfile(ownerUserName(owner));
      if (input.Password !== undefined) {
        await enforcePasswordPolicy(store, accountId, userId, input.Password);
        const passwordHash = await hashPassword(input.Password);
        await store.transaction((tx) =>
          tx.credentials.putLoginProfile({
            ...profile,
            passwordHash,
            passwordChangedAt: ctx.now,
            resetRequired: input.PasswordResetRequired ?? profile.resetRequired,
          }),
        );
      } else if (input.PasswordResetRequired !== undefined) {
        await store.transaction((tx) =>
          tx.credentials.setPasswordResetRequired(accountId, userId, input.PasswordResetRequired!),
        );
      }
      return {};
    },

    async DeleteLoginProfile(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:DeleteLoginProfile');
      const accountId = ownerAccountId(owner);
      const userId = ownerUserId(owner);
      if (!(await store.credentials.getLoginProfile(accountId, userId)))
        throw credentialErrors.noSuchLoginProfile(ownerUserName(owner));
      await store.transaction((tx) => tx.credentials.deleteLoginProfile(accountId, userId));
      return {};
    },

    async ChangePassword(input, ctx) {
      const p = ctx.principal;
      if (p.kind !== 'user') throw credentialErrors.notAnIamUser();
      const policy = await store.credentials.getPasswordPolicy(p.accountId);
      // "Allow users to change their own password" grants every user iam:ChangePassword on itself:
      // an allow only, so an explicit deny, an SCP, the boundary and the no-IAM-without-MFA rule
      // for GetSessionToken credentials still refuse it.
      const grant = policy?.AllowUsersToChangePassword ? { identityGrant: changeOwnPasswordGrant(p.arn) } : undefined;
      const user = await authorizedUser(store, ctx, p.userName, 'iam:ChangePassword', undefined, grant);
      if (!user) throw credentialErrors.notAnIamUser();
      const profile = await store.credentials.getLoginProfile(user.accountId, user.userId);
      if (!profile) throw credentialErrors.noSuchLoginProfile(user.userName);
      if (policy?.HardExpiry && passwordExpired(policy, profile, ctx.now)) throw credentialErrors.passwordExpired();
      if (!(await verifyPassword(input.OldPassword, profile.passwordHash)))
        throw credentialErrors.oldPasswordIncorrect();
      await enforcePasswordPolicy(store, user.accountId, user.userId, input.NewPassword);
      const passwordHash = await hashPassword(input.NewPassword);
      await store.transaction((tx) =>
        tx.credentials.putLoginProfile({ ...profile, passwordHash, passwordChangedAt: ctx.now, resetRequired: false }),
      );
      return {};
    },

    async UpdateAccountPasswordPolicy(input, ctx) {
      await ctx.authorize('iam:UpdateAccountPasswordPolicy', '*');
      const policy: PasswordPolicyRecord = {};
      for (const k of Object.keys(input) as Array<keyof PasswordPolicyRecord>) {
        if (input[k] !== undefined) (policy as Record<string, unknown>)[k] = input[k];
      }
      await store.transaction((tx) => tx.credentials.putPasswordPolicy(ctx.principal.accountId, policy));
      return {};
    },

    async GetAccountPasswordPolicy(_input, ctx) {
      await ctx.authorize('iam:GetAccountPasswordPolicy', '*');
      const p = await store.credentials.getPasswordPolicy(ctx.principal.accountId);
      if (!p) throw credentialErrors.noPasswordPolicy(ctx.principal.accountId);
      const maxAge = p.MaxPasswordAge ?? 0;
      return {
        PasswordPolicy: {
          MinimumPasswordLength: p.MinimumPasswordLength ?? 6,
          RequireSymbols: p.RequireSymbols ?? false,
          RequireNumbers: p.RequireNumbers ?? false,
          RequireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
          RequireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
          AllowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
          ExpirePasswords: maxAge > 0,
          ...(maxAge > 0 ? { MaxPasswordAge: maxAge } : {}),
          ...(p.PasswordReusePrevention ? { PasswordReusePrevention: p.PasswordReusePrevention } : {}),
          ...(p.HardExpiry !== undefined ? { HardExpiry: p.HardExpiry } : {}),
        },
      };
    },

    async DeleteAccountPasswordPolicy(_input, ctx) {
      await ctx.authorize('iam:DeleteAccountPasswordPolicy', '*');
      const deleted = await store.transaction((tx) => tx.credentials.deletePasswordPolicy(ctx.principal.accountId));
      if (!deleted) throw credentialErrors.noPasswordPolicyToDelete();
      return {};
    },
  };
}
