import { AwsError } from '../shared/aws-error.js';
import type { CallContext, OperationHandler } from '../shared/call-context.js';
import { UniqueViolation } from '../shared/unique-violation.js';
import type { IamOperations } from '../wire/generated/iam.js';
import type { OidcProviderRecord, OidcProviderRepo } from './session-store.js';

type OidcOps =
  | 'CreateOpenIDConnectProvider'
  | 'GetOpenIDConnectProvider'
  | 'ListOpenIDConnectProviders'
  | 'DeleteOpenIDConnectProvider'
  | 'AddClientIDToOpenIDConnectProvider'
  | 'RemoveClientIDFromOpenIDConnectProvider'
  | 'UpdateOpenIDConnectProviderThumbprint'
  | 'TagOpenIDConnectProvider'
  | 'UntagOpenIDConnectProvider'
  | 'ListOpenIDConnectProviderTags';

export type OidcProviderHandlers = { [Op in OidcOps]: OperationHandler<IamOperations[Op]['input'], IamOperations[Op]['output']> };

/** The issuer part of a provider ARN: the URL without `https://` (and without a trailing slash). */
export const providerPath = (url: string): string => url.replace(/^https:\/\//i, '').replace(/\/$/, '');

export const oidcProviderArn = (accountId: string, url: string): string => `arn:aws:iam::${accountId}:oidc-provider/${providerPath(url)}`;

const notFound = (arn: string): AwsError => new AwsError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`, 404);

/**
 * IAM's OpenID Connect provider operations. Ward cannot fetch an issuer's keys, so the verifying
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
      const tags = (input.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value }));
      const requestTags: Record<string, string | string[]> = {};
      for (const t of tags) requestTags[`aws:RequestTag/${t.key}`] = t.value;
      if (tags.length > 0) requestTags['aws:TagKeys'] = tags.map((t) => t.key);
      await ctx.authorize('iam:CreateOpenIDConnectProvider', arn, requestTags);
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

    async TagOpenIDConnectProvider(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:TagOpenIDConnectProvider');
      const tags = [...p.tags];
      for (const t of input.Tags) {
        const i = tags.findIndex((x) => x.key === t.Key);
        if (i >= 0) tags[i] = { key: t.Key, value: t.Value };
        else tags.push({ key: t.Key, value: t.Value });
      }
      if (tags.length > 50) throw new AwsError('LimitExceeded', 'The number of tags has reached the maximum limit.', 409);
      await providers.update({ ...p, tags });
      return {};
    },

    async UntagOpenIDConnectProvider(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:UntagOpenIDConnectProvider');
      await providers.update({ ...p, tags: p.tags.filter((t) => !input.TagKeys.includes(t.key)) });
      return {};
    },

    async ListOpenIDConnectProviderTags(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:ListOpenIDConnectProviderTags');
      return { Tags: p.tags.map((t) => ({ Key: t.key, Value: t.value })), IsTruncated: false };
    },
  };
}
