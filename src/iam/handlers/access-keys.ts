import { withFreshId } from '../../shared/fresh-id.js';
import { AwsError } from '../../shared/aws-error.js';
import { newAccessKeyId, newSecretAccessKey } from '../../shared/ids.js';
import { rootArn } from '../../shared/arn.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import { IAM_QUOTAS } from '../quotas.js';
import type { AccessKeyRecord } from '../records.js';
import { type CredentialOwner, authorizedOwner, ownerAccountId, ownerUserId, ownerUserName } from '../core/resolve.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { userArn } from '../core/arns.js';
import { offsetPage } from '../core/paging.js';

/** The key, if it belongs to `owner`; IAM reports a key of someone else as not found. */
async function ownedKey(store: IamStore, owner: CredentialOwner, accessKeyId: string): Promise<AccessKeyRecord> {
  const key = await store.accessKeys.get(accessKeyId);
  if (!key || key.accountId !== ownerAccountId(owner) || key.userId !== ownerUserId(owner))
    throw iamErrors.noSuchAccessKey(accessKeyId);
  return key;
}

async function ownerOfKey(store: IamStore, key: AccessKeyRecord): Promise<CredentialOwner> {
  if (key.userId === undefined) return { kind: 'root', accountId: key.accountId };
  const user = await store.users.getById(key.userId);
  if (!user) throw iamErrors.noSuchAccessKey(key.accessKeyId);
  return { kind: 'user', user };
}

export function accessKeyHandlers({ store, bus }: IamDeps): IamHandlers {
  return {
    async CreateAccessKey(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:CreateAccessKey');
      const accountId = ownerAccountId(owner);
      const secret = newSecretAccessKey();
      const key = await withFreshId(async () => {
        const drawn: AccessKeyRecord = {
          accessKeyId: newAccessKeyId('AKIA', accountId),
          accountId,
          ...(owner.kind === 'user' ? { userId: owner.user.userId } : {}),
          status: 'Active',
          createdAt: ctx.now,
        };
        await store.transaction(async (tx) => {
          // Inactive keys count too: the quota is on keys that exist.
          const existing = await tx.accessKeys.listForOwner(accountId, ownerUserId(owner));
          if (existing.length >= IAM_QUOTAS.AccessKeysPerUser)
            throw iamErrors.quota('AccessKeysPerUser', IAM_QUOTAS.AccessKeysPerUser);
          await tx.accessKeys.create(drawn, secret);
        });
        return drawn;
      });
      return {
        AccessKey: {
          UserName: ownerUserName(owner),
          AccessKeyId: key.accessKeyId,
          Status: key.status,
          SecretAccessKey: secret,
          CreateDate: key.createdAt,
        },
      };
    },

    async UpdateAccessKey(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:UpdateAccessKey');
      const key = await ownedKey(store, owner, input.AccessKeyId);
      const status = input.Status;
      // The model's status enum also holds "Expired", which IAM reports but never lets a caller set.
      if (status !== 'Active' && status !== 'Inactive')
        throw iamErrors.invalidInput(`Invalid status ${status}: an access key is Active or Inactive.`);
      await store.transaction((tx) => tx.accessKeys.setStatus(key.accessKeyId, status));
      bus.publish('access-key', key.accessKeyId);
      return {};
    },

    async DeleteAccessKey(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:DeleteAccessKey');
      const key = await ownedKey(store, owner, input.AccessKeyId);
      await store.transaction((tx) => tx.accessKeys.delete(key.accessKeyId));
      bus.publish('access-key', key.accessKeyId);
      return {};
    },

    async ListAccessKeys(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:ListAccessKeys');
      const { items, ...page } = offsetPage(
        await store.accessKeys.listForOwner(ownerAccountId(owner), ownerUserId(owner)),
        input,
      );
      return {
        AccessKeyMetadata: items.map((k) => ({
          UserName: ownerUserName(owner),
          AccessKeyId: k.accessKeyId,
          Status: k.status,
          CreateDate: k.createdAt,
        })),
        ...page,
      };
    },

    async GetAccessKeyLastUsed(input, ctx) {
      const key = await store.accessKeys.get(input.AccessKeyId);
      if (!key || key.accountId !== ctx.principal.accountId) {
        // Keys of other accounts are not revealed: the caller sees a denial, not "not found".
        throw new AwsError(
          'AccessDenied',
          `User: ${ctx.principal.arn} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${input.AccessKeyId}`,
          403,
        );
      }
      const owner = await ownerOfKey(store, key);
      await ctx.authorize(
        'iam:GetAccessKeyLastUsed',
        owner.kind === 'user' ? userArn(owner.user) : rootArn(owner.accountId),
      );
      return {
        UserName: ownerUserName(owner),
        AccessKeyLastUsed: key.lastUsed
          ? { LastUsedDate: key.lastUsed.at, ServiceName: key.lastUsed.service, Region: key.lastUsed.region }
          : { ServiceName: 'N/A', Region: 'N/A' },
      };
    },
  };
}
