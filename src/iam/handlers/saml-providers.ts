import { createPrivateKey, randomBytes } from 'node:crypto';
import { AwsError } from '../../shared/aws-error.js';
import type { CallContext, OperationHandler } from '../../shared/call-context.js';
import { UniqueViolation } from '../../shared/unique-violation.js';
import type { IamOperations } from '../../wire/generated/iam.js';
import { iamErrors } from '../errors.js';
import { samlProviderArn } from '../core/arns.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import type {
  AssertionEncryptionMode,
  SamlPrivateKeyRecord,
  SamlProviderRecord,
  SamlProviderStore,
} from '../saml-provider-store.js';
import { parseSamlMetadata } from '../saml/metadata.js';
import { authorizeNewResourceTags, taggingOperations } from '../tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../tagging/tag-rules.js';

type SamlOps =
  | 'CreateSAMLProvider'
  | 'GetSAMLProvider'
  | 'UpdateSAMLProvider'
  | 'DeleteSAMLProvider'
  | 'ListSAMLProviders'
  | 'TagSAMLProvider'
  | 'UntagSAMLProvider'
  | 'ListSAMLProviderTags';

type SamlHandlers = {
  [Op in SamlOps]: OperationHandler<IamOperations[Op]['input'], IamOperations[Op]['output']>;
};

/** AWS's limit: two private keys per provider ("Private key limit of 2 is reached."). */
const MAX_PRIVATE_KEYS = 2;
const invalid = (message: string): AwsError => new AwsError('InvalidInput', message, 400);
const notFound = (arn: string): AwsError => new AwsError('NoSuchEntity', `Manifest not found for arn ${arn}`, 404);
const REQUIRED_WITHOUT_KEY = 'Unable to set assertion encryption mode to Required because no private key is provided.';

/** SAMLProviderUUID and private key IDs: the model's `[A-Z0-9]{22,64}`; 26 characters of base32. */
function newSamlId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return Array.from(randomBytes(26), (b) => alphabet[b & 31]).join('');
}

/** AWS sets a provider's ValidUntil a hundred years after its creation (Feb 29 becoming Feb 28). */
export function hundredYearsAfter(d: Date): Date {
  const out = new Date(d);
  out.setUTCFullYear(d.getUTCFullYear() + 100);
  if (out.getUTCMonth() !== d.getUTCMonth()) out.setUTCDate(0);
  return out;
}

/** A private key for encrypted assertions: an RSA key in PEM (xmlenc's key transport is RSA). */
function privateKey(pem: string, now: Date): SamlPrivateKeyRecord {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return {
      keyId: newSamlId(),
      pem: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
      createdAt: now,
    };
  } catch {
    throw invalid('Invalid private key.');
  }
}

const mode = (m: string | undefined): AssertionEncryptionMode | undefined =>
  m === 'Required' || m === 'Allowed' ? m : undefined;

/**
 * IAM's SAML provider operations. The metadata document is parsed and validated on every
 * create and update (iam/saml/metadata.ts); the issuer and signing certificates it names are what
 * sts:AssumeRoleWithSAML verifies responses against.
 */
export function samlProviderHandlers({ store, quotas, samlProviders, emulator }: IamDeps): IamHandlers {
  /**
   * Emulator mode keeps a metadata document that does not parse (moto stores any string). It
   * names no issuer and no certificate, so no SAML response ever verifies against it.
   */
  const metadataOf = (doc: string): { entityId: string; certificates: string[] } => {
    try {
      return parseSamlMetadata(doc);
    } catch (err) {
      if (!emulator?.unparseableCredentials) throw err;
      return { entityId: '', certificates: [] };
    }
  };
  const providers = (): SamlProviderStore => {
    if (!samlProviders) throw new AwsError('InvalidAction', 'SAML providers are not served here.', 400);
    return samlProviders;
  };

  async function load(ctx: CallContext, arn: string, action: string, keys?: Record<string, string | string[]>) {
    await ctx.authorize(action, arn, keys);
    const p = await providers().samlProviders.get(arn);
    if (!p || p.accountId !== ctx.principal.accountId) throw notFound(arn);
    return p;
  }

  const tagging = taggingOperations(store, {
    kind: 'saml-provider',
    find: (ctx, input: { SAMLProviderArn: string }, action, keys) => load(ctx, input.SAMLProviderArn, action, keys),
    id: (provider: SamlProviderRecord) => provider.arn,
  });

  const handlers: SamlHandlers = {
    async CreateSAMLProvider(input, ctx) {
      const accountId = ctx.principal.accountId;
      const arn = samlProviderArn(accountId, input.Name);
      const tags = tagsFromRequest('saml-provider', input.Tags);
      await ctx.authorize('iam:CreateSAMLProvider', arn, tagConditionKeys(tags));
      await authorizeNewResourceTags(ctx, 'saml-provider', arn, tags);
      const metadata = metadataOf(input.SAMLMetadataDocument);
      const keys = input.AddPrivateKey !== undefined ? [privateKey(input.AddPrivateKey, ctx.now)] : [];
      const encryption = mode(input.AssertionEncryptionMode);
      if (encryption === 'Required' && keys.length === 0) throw invalid(REQUIRED_WITHOUT_KEY);
      const record: SamlProviderRecord = {
        arn,
        accountId,
        name: input.Name,
        uuid: newSamlId(),
        metadata: input.SAMLMetadataDocument,
        entityId: metadata.entityId,
        certificates: metadata.certificates,
        assertionEncryptionMode: encryption,
        privateKeys: keys,
        tags,
        createdAt: ctx.now,
        validUntil: hundredYearsAfter(ctx.now),
      };
      try {
        await providers().transaction(async (tx) => {
          if ((await tx.samlProviders.count(accountId)) >= quotas.SAMLProvidersPerAccount)
            throw iamErrors.quota('SAMLProvidersPerAccount', quotas.SAMLProvidersPerAccount);
          await tx.samlProviders.create(record);
        });
      } catch (err) {
        if (err instanceof UniqueViolation)
          throw new AwsError('EntityAlreadyExists', `SAMLProvider ${input.Name} already exists.`, 409);
        throw err;
      }
      return { SAMLProviderArn: arn, ...(tags.length > 0 ? { Tags: input.Tags } : {}) };
    },

    async GetSAMLProvider(input, ctx) {
      const p = await load(ctx, input.SAMLProviderArn, 'iam:GetSAMLProvider');
      return {
        SAMLProviderUUID: p.uuid,
        SAMLMetadataDocument: p.metadata,
        CreateDate: p.createdAt,
        ValidUntil: p.validUntil,
        Tags: p.tags.map((t) => ({ Key: t.key, Value: t.value })),
        ...(p.assertionEncryptionMode ? { AssertionEncryptionMode: p.assertionEncryptionMode } : {}),
        ...(p.privateKeys.length > 0
          ? { PrivateKeyList: p.privateKeys.map((k) => ({ KeyId: k.keyId, Timestamp: k.createdAt })) }
          : {}),
      };
    },

    async UpdateSAMLProvider(input, ctx) {
      const { SAMLMetadataDocument: doc, AddPrivateKey: add, RemovePrivateKey: remove } = input;
      const encryption = mode(input.AssertionEncryptionMode);
      const p = await load(ctx, input.SAMLProviderArn, 'iam:UpdateSAMLProvider');
      if (doc === undefined && encryption === undefined && add === undefined && remove === undefined)
        throw invalid(
          'Unable to update identity provider. No updates are defined for metadata or encryption assertion.',
        );
      if (add !== undefined && remove !== undefined)
        throw invalid(
          'Unable to add and remove private keys in the same request. Set a value for only one of the two parameters.',
        );
      const next: SamlProviderRecord = { ...p, privateKeys: [...p.privateKeys] };
      if (doc !== undefined) {
        const metadata = metadataOf(doc);
        Object.assign(next, { metadata: doc, entityId: metadata.entityId, certificates: metadata.certificates });
      }
      if (encryption !== undefined) next.assertionEncryptionMode = encryption;
      if (add !== undefined) {
        if (next.privateKeys.length >= MAX_PRIVATE_KEYS)
          throw new AwsError('LimitExceeded', `Private key limit of ${MAX_PRIVATE_KEYS} is reached.`, 409);
        next.privateKeys.push(privateKey(add, ctx.now));
      }
      if (remove !== undefined) {
        const at = next.privateKeys.findIndex((k) => k.keyId === remove);
        if (at < 0) throw invalid('Failed to remove private key because the Key ID does not match a private key.');
        if (next.privateKeys.length === 1 && next.assertionEncryptionMode === 'Required')
          throw invalid('Failed to remove private key.');
        next.privateKeys.splice(at, 1);
      }
      if (next.assertionEncryptionMode === 'Required' && next.privateKeys.length === 0)
        throw invalid(REQUIRED_WITHOUT_KEY);
      await providers().samlProviders.update(next);
      return { SAMLProviderArn: p.arn };
    },

    async DeleteSAMLProvider(input, ctx) {
      const p = await load(ctx, input.SAMLProviderArn, 'iam:DeleteSAMLProvider');
      await providers().samlProviders.delete(p.arn);
      return {};
    },

    async ListSAMLProviders(_input, ctx) {
      await ctx.authorize('iam:ListSAMLProviders', '*');
      const list = await providers().samlProviders.list(ctx.principal.accountId);
      return {
        SAMLProviderList: list.map((p) => ({ Arn: p.arn, ValidUntil: p.validUntil, CreateDate: p.createdAt })),
      };
    },

    TagSAMLProvider: (input, ctx) => tagging.tag(input, ctx),
    UntagSAMLProvider: (input, ctx) => tagging.untag(input, ctx),
    ListSAMLProviderTags: (input, ctx) => tagging.list(input, ctx),
  };
  return handlers;
}
