import { iamErrors } from '../errors.js';
import { taggingOperations } from '../tagging/taggable.js';
import type { IamDeps, IamHandlers } from '../core/types.js';

/** The OIDC providers' tags, on the same path as every other IAM resource's. */
export function oidcProviderTagHandlers({ store, identityProviders }: IamDeps): IamHandlers {
  const tagging = taggingOperations(store, {
    kind: 'oidc-provider',
    find: async (ctx, input: { OpenIDConnectProviderArn: string }, action, keys) => {
      const arn = input.OpenIDConnectProviderArn;
      await ctx.authorize(action, arn, keys);
      const provider = await identityProviders?.get(arn);
      if (!provider || provider.accountId !== ctx.principal.accountId) throw iamErrors.noSuchOidcProvider(arn);
      return provider;
    },
    id: (provider) => provider.arn,
  });
  return {
    TagOpenIDConnectProvider: (input, ctx) => tagging.tag(input, ctx),
    UntagOpenIDConnectProvider: (input, ctx) => tagging.untag(input, ctx),
    ListOpenIDConnectProviderTags: (input, ctx) => tagging.list(input, ctx),
  };
}
