import { AwsError } from '../shared/aws-error.js';
import type { CallContext, OperationHandler } from '../shared/call-context.js';
import { UniqueViolation } from '../shared/unique-violation.js';
import { iamErrors } from '../iam/errors.js';
import { authorizeNewResourceTags } from '../iam/tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../iam/tagging/tag-rules.js';
import type { IamOperations } from '../wire/generated/iam.js';
import type { OidcProviderRecord, OidcProviderRepo } from './session-store.js';

type OidcOps =
  | 'CreateOpenIDConnectProvider'
  | 'GetOpenIDConnectProvider'
  | 'ListOpenIDConnectProviders'
  | 'DeleteOpenIDConnectProvider'
  | 'AddClientIDToOpenIDConnectProvider'
  | 'RemoveClientIDFromOpenIDConnectProvider'
  | 'UpdateOpenIDConnectProviderThumbprint';

export type OidcProviderHandlers = { [Op in OidcOps]: OperationHandler<IamOperations[Op]['input'], IamOperations[Op]['output']> };

/** The issuer part of a provider ARN: the URL without `https://` (and without a trailing slash). */
export const providerPath = (url: string): string => url.replace(/^https:\/\//i, '').replace(/\/$/, '');

export const oidcProviderArn = (accountId: string, url: string): string => `arn:aws:iam::${accountId}:oidc-provider/${providerPath(url)}`;

const notFound = iamErrors.noSuchOidcProvider;

/**
 * IAM's OpenID Connect provider operations (their tags go the way of every IAM resource's:
 * `iam/handlers/oidc-provider-tags.ts`). Ward cannot fetch an issuer's keys, so the verifying
 * keys come from a JWKS file (see `web-identity.ts`); the provider itself is stored as AWS stores it.
 */
export function createOidcProviderHandlers(providers: OidcProviderRepo): OidcProviderHandlers {
  async function load(ctx: CallContext, arn: string, action: string): Promise<OidcProviderRecord> {
    await ctx.authorize(action, arn);
    const p = await providers.get(arn);
    if (!p || p.accountId !== ctx.principal.accountId) throw notFound(arn);
    return p;
  }

  return {
    async CreateOpenIDConnectProvider(input, ctx) {
      if (!/^https:\/\/[^/\s?#]+/i.test(input.Url)) throw new AwsError('InvalidInput', 'Invalid Open ID Connect Provider URL', 400);
      const arn = oidcProviderArn(ctx.principal.accountId, input.Url);
      const tags = tagsFromRequest('oidc-provider', input.Tags);
      await ctx.authorize('iam:CreateOpenIDConnectProvider', arn, tagConditionKeys(tags));
      await authorizeNewResourceTags(ctx, 'oidc-provider', arn, tags);
      try {
        await providers.create({
          arn,
          accountId: ctx.principal.accountId,
          url: input.Url,
          clientIds: [...new Set(input.ClientIDList ?? [])],
          thumbprints: input.ThumbprintList ?? [],
          tags,
          createdAt: ctx.now,
        });
      } catch (err) {
        if (err instanceof UniqueViolation) throw new AwsError('EntityAlreadyExists', `Provider with url ${input.Url} already exists.`, 409);
        throw err;
      }
      return { OpenIDConnectProviderArn: arn, ...(tags.length > 0 ? { Tags: input.Tags } : {}) };
    },

    async GetOpenIDConnectProvider(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:GetOpenIDConnectProvider');
      return {
        Url: providerPath(p.url),
        ClientIDList: p.clientIds,
        ThumbprintList: p.thumbprints,
        CreateDate: p.createdAt,
        Tags: p.tags.map((t) => ({ Key: t.key, Value: t.value })),
      };
    },

    async ListOpenIDConnectProviders(_input, ctx) {
      await ctx.authorize('iam:ListOpenIDConnectProviders', '*');
      const list = await providers.list(ctx.principal.accountId);
      return { OpenIDConnectProviderList: list.map((p) => ({ Arn: p.arn })) };
    },

    async DeleteOpenIDConnectProvider(input, ctx) {
      await load(ctx, input.OpenIDConnectProviderArn, 'iam:DeleteOpenIDConnectProvider');
      await providers.delete(input.OpenIDConnectProviderArn);
      return {};
    },

    async AddClientIDToOpenIDConnectProvider(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:AddClientIDToOpenIDConnectProvider');
      if (!p.clientIds.includes(input.ClientID)) await providers.update({ ...p, clientIds: [...p.clientIds, input.ClientID] });
      return {};
    },

    async RemoveClientIDFromOpenIDConnectProvider(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:RemoveClientIDFromOpenIDConnectProvider');
      await providers.update({ ...p, clientIds: p.clientIds.filter((c) => c !== input.ClientID) });
      return {};
    },

    async UpdateOpenIDConnectProviderThumbprint(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:UpdateOpenIDConnectProviderThumbprint');
      await providers.update({ ...p, thumbprints: input.ThumbprintList });
      return {};
    },
  };
}
