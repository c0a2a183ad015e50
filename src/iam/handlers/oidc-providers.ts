import type { EmulatorRelaxations } from '../../shared/emulator-relaxations.js';
import { AwsError } from '../../shared/aws-error.js';
import type { CallContext, OperationHandler } from '../../shared/call-context.js';
import { UniqueViolation } from '../../shared/unique-violation.js';
import { iamErrors } from '../errors.js';
import { authorizeNewResourceTags } from '../tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../tagging/tag-rules.js';
import type { IamOperations } from '../../wire/generated/iam.js';
import type { OidcProviderRecord, OidcProviderRepo } from '../oidc-provider-store.js';
import { oidcProviderArn, providerPath } from '../core/arns.js';

type OidcOps =
  | 'CreateOpenIDConnectProvider'
  | 'GetOpenIDConnectProvider'
  | 'ListOpenIDConnectProviders'
  | 'DeleteOpenIDConnectProvider'
  | 'AddClientIDToOpenIDConnectProvider'
  | 'RemoveClientIDFromOpenIDConnectProvider'
  | 'UpdateOpenIDConnectProviderThumbprint';

export type OidcProviderHandlers = {
  [Op in OidcOps]: OperationHandler<IamOperations[Op]['input'], IamOperations[Op]['output']>;
};

const notFound = iamErrors.noSuchOidcProvider;

/** AWS's limits on a provider: 5 thumbprints, 100 client IDs ("IAM and AWS STS quotas"). */
const MAX_THUMBPRINTS = 5;
const MAX_CLIENT_IDS = 100;

/**
 * CreateOpenIDConnectProvider's checks, with AWS's codes and texts: a URL that is not an https
 * issuer (a host, an optional path, no query or fragment, as the IAM guide says) is ValidationError.
 */
function checkProviderInput(
  input: { Url: string; ThumbprintList?: string[]; ClientIDList?: string[] },
  emulator?: EmulatorRelaxations,
): void {
  // moto takes any scheme; emulator mode takes http:// too (a local test issuer), never anything else.
  const scheme = emulator?.httpOidcIssuers ? 'https?' : 'https';
  if (!new RegExp(`^${scheme}:\\/\\/[^/\\s?#]+[^\\s?#]*$`, 'i').test(input.Url))
    throw new AwsError('ValidationError', 'Invalid Open ID Connect Provider URL', 400);
  if ((input.ThumbprintList?.length ?? 0) > MAX_THUMBPRINTS)
    throw new AwsError('InvalidInput', `Thumbprint list must contain fewer than ${MAX_THUMBPRINTS} entries.`, 400);
  if (new Set(input.ClientIDList ?? []).size > MAX_CLIENT_IDS)
    throw iamErrors.quota('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
}

/**
 * IAM's OpenID Connect provider operations (their tags go the way of every IAM resource's:
 * `oidc-provider-tags.ts`). Ward cannot fetch an issuer's keys, so the verifying
 * keys come from a JWKS file (see `sts/web-identity.ts`); the provider itself is stored as AWS stores it.
 */
export function createOidcProviderHandlers(
  providers: OidcProviderRepo,
  /** `--emulator`'s relaxations (absent: AWS's rules). */
  emulator?: EmulatorRelaxations,
): OidcProviderHandlers {
  async function load(ctx: CallContext, arn: string, action: string): Promise<OidcProviderRecord> {
    await ctx.authorize(action, arn);
    const p = await providers.get(arn);
    if (!p || p.accountId !== ctx.principal.accountId) throw notFound(arn);
    return p;
  }

  return {
    async CreateOpenIDConnectProvider(input, ctx) {
      checkProviderInput(input, emulator);
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
        if (err instanceof UniqueViolation)
          throw new AwsError('EntityAlreadyExists', `Provider with url ${input.Url} already exists.`, 409);
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

    // AWS's API reference: idempotent, "does not fail or return an error if you call the operation
    // for a provider that does not exist" (still authorized, and never another account's).
    async DeleteOpenIDConnectProvider(input, ctx) {
      const arn = input.OpenIDConnectProviderArn;
      await ctx.authorize('iam:DeleteOpenIDConnectProvider', arn);
      const p = await providers.get(arn);
      if (p && p.accountId === ctx.principal.accountId) await providers.delete(arn);
      return {};
    },

    async AddClientIDToOpenIDConnectProvider(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:AddClientIDToOpenIDConnectProvider');
      if (!p.clientIds.includes(input.ClientID)) {
        if (p.clientIds.length >= MAX_CLIENT_IDS)
          throw iamErrors.quota('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
        await providers.update({ ...p, clientIds: [...p.clientIds, input.ClientID] });
      }
      return {};
    },

    async RemoveClientIDFromOpenIDConnectProvider(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:RemoveClientIDFromOpenIDConnectProvider');
      await providers.update({ ...p, clientIds: p.clientIds.filter((c) => c !== input.ClientID) });
      return {};
    },

    async UpdateOpenIDConnectProviderThumbprint(input, ctx) {
      const p = await load(ctx, input.OpenIDConnectProviderArn, 'iam:UpdateOpenIDConnectProviderThumbprint');
      if (input.ThumbprintList.length > MAX_THUMBPRINTS)
        throw new AwsError('InvalidInput', `Thumbprint list must contain fewer than ${MAX_THUMBPRINTS} entries.`, 400);
      await providers.update({ ...p, thumbprints: input.ThumbprintList });
      return {};
    },
  };
}
