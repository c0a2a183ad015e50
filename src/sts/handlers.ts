import type { IamStore } from '../iam/iam-store.js';
import type { OperationHandler } from '../shared/call-context.js';
import { accountIdFromAccessKeyId } from '../shared/ids.js';
import type { StsOperationName, StsOperations } from '../wire/generated/sts.js';

export type StsHandlers = {
  [Op in StsOperationName]?: OperationHandler<StsOperations[Op]['input'], StsOperations[Op]['output']>;
};

export interface StsDeps {
  store: IamStore;
}

export function createStsHandlers({ store }: StsDeps): StsHandlers {
  return {
    // GetCallerIdentity needs no permission: AWS answers it even when every action is denied.
    async GetCallerIdentity(_input, ctx) {
      const p = ctx.principal;
      return { UserId: p.userId, Account: p.accountId, Arn: p.arn };
    },

    async GetAccessKeyInfo(input, ctx) {
      await ctx.authorize('sts:GetAccessKeyInfo', '*');
      const key = await store.accessKeys.get(input.AccessKeyId);
      // Keys Ward does not hold still name their account, decoded from the ID as AWS does.
      const account = key?.accountId ?? accountIdFromAccessKeyId(input.AccessKeyId);
      return account === undefined ? {} : { Account: account };
    },
  };
}
