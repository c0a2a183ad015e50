import { AwsError } from '../../shared/aws-error.js';
import { iamArn } from '../../shared/arn.js';
import { newUniqueId } from '../../shared/ids.js';
import type { CallContext, OperationHandler } from '../../shared/call-context.js';
import type { IamOperations } from '../../wire/generated/iam.js';
import { offsetPage } from '../core/paging.js';
import { rethrowAs } from '../core/rethrow-as.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { checkServerCertificate } from '../credentials/server-certificate-material.js';
import { iamErrors } from '../errors.js';
import type { ServerCertificateRecord } from '../server-certificate-store.js';
import { authorizeNewResourceTags, taggingOperations } from '../tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../tagging/tag-rules.js';

type Ops =
  | 'UploadServerCertificate'
  | 'GetServerCertificate'
  | 'ListServerCertificates'
  | 'UpdateServerCertificate'
  | 'DeleteServerCertificate'
  | 'TagServerCertificate'
  | 'UntagServerCertificate'
  | 'ListServerCertificateTags';

type Handlers = { [Op in Ops]: OperationHandler<IamOperations[Op]['input'], IamOperations[Op]['output']> };

const notFound = (name: string) =>
  new AwsError('NoSuchEntity', `The Server Certificate with name ${name} cannot be found.`, 404);
const exists = (name: string) =>
  new AwsError('EntityAlreadyExists', `The Server Certificate with name ${name} already exists.`, 409);

const arnOf = (accountId: string, path: string, name: string) => iamArn(accountId, 'server-certificate', path, name);

function metadata(c: ServerCertificateRecord) {
  return {
    Path: c.path,
    ServerCertificateName: c.name,
    ServerCertificateId: c.certificateId,
    Arn: c.arn,
    UploadDate: c.uploadedAt,
    ...(c.expiration ? { Expiration: c.expiration } : {}),
  };
}

/**
 * IAM server certificates: a TLS certificate with its chain and private key, checked as IAM
 * checks them (server-certificate-material.ts). The key is sealed at rest and no operation
 * returns it. Names are unique per account regardless of case; a rename or move
 * needs the action on both the old and the new ARN, as AWS documents.
 */
export function serverCertificateHandlers({ store, quotas, emulator }: IamDeps): IamHandlers {
  /** The named certificate, once `action` is authorized on its ARN (on a path-less one when there is none). */
  async function authorized(ctx: CallContext, name: string, action: string, keys?: Record<string, string | string[]>) {
    const accountId = ctx.principal.accountId;
    const cert = await store.serverCertificates.getByName(accountId, name);
    await ctx.authorize(action, cert ? cert.arn : arnOf(accountId, '/', name), keys);
    if (!cert) throw notFound(name);
    return cert;
  }

  const tagging = taggingOperations(store, {
    kind: 'server-certificate',
    find: (ctx, input: { ServerCertificateName: string }, action, keys) =>
      authorized(ctx, input.ServerCertificateName, action, keys),
    id: (cert: ServerCertificateRecord) => cert.arn,
  });

  const handlers: Handlers = {
    async UploadServerCertificate(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      const name = input.ServerCertificateName;
      const arn = arnOf(accountId, path, name);
      const tags = tagsFromRequest('server-certificate', input.Tags);
      await ctx.authorize('iam:UploadServerCertificate', arn, tagConditionKeys(tags));
      await authorizeNewResourceTags(ctx, 'server-certificate', arn, tags);
      let expiration: Date | undefined;
      try {
        expiration = checkServerCertificate(input.CertificateBody, input.PrivateKey, input.CertificateChain, ctx.now);
      } catch (err) {
        // Emulator mode keeps material that does not parse, as moto does; Ward serves nothing with it.
        if (!(emulator?.unparseableCredentials && err instanceof AwsError && err.code === 'MalformedCertificate'))
          throw err;
      }
      const cert: ServerCertificateRecord = {
        certificateId: newUniqueId('ASCA'),
        accountId,
        name,
        path,
        arn,
        body: input.CertificateBody,
        ...(input.CertificateChain !== undefined ? { chain: input.CertificateChain } : {}),
        ...(expiration ? { expiration } : {}),
        uploadedAt: ctx.now,
        tags,
      };
      await store.transaction(async (tx) => {
        if (await tx.serverCertificates.getByName(accountId, name)) throw exists(name);
        if ((await tx.serverCertificates.list(accountId, '/')).length >= quotas.ServerCertificatesPerAccount)
          throw iamErrors.quota('ServerCertificatesPerAccount', quotas.ServerCertificatesPerAccount);
        await tx.serverCertificates.create(cert, input.PrivateKey).catch(rethrowAs(() => exists(name)));
      });
      return { ServerCertificateMetadata: metadata(cert), ...(tags.length > 0 ? { Tags: input.Tags } : {}) };
    },

    async GetServerCertificate(input, ctx) {
      const cert = await authorized(ctx, input.ServerCertificateName, 'iam:GetServerCertificate');
      return {
        ServerCertificate: {
          ServerCertificateMetadata: metadata(cert),
          CertificateBody: cert.body,
          ...(cert.chain !== undefined ? { CertificateChain: cert.chain } : {}),
          Tags: cert.tags.map((t) => ({ Key: t.key, Value: t.value })),
        },
      };
    },

    async ListServerCertificates(input, ctx) {
      await ctx.authorize('iam:ListServerCertificates', '*');
      const all = await store.serverCertificates.list(ctx.principal.accountId, input.PathPrefix ?? '/');
      const { items, ...page } = offsetPage(all, input);
      return { ServerCertificateMetadataList: items.map(metadata), ...page };
    },

    async UpdateServerCertificate(input, ctx) {
      const cert = await authorized(ctx, input.ServerCertificateName, 'iam:UpdateServerCertificate');
      const name = input.NewServerCertificateName ?? cert.name;
      const path = input.NewPath ?? cert.path;
      const arn = arnOf(cert.accountId, path, name);
      if (arn !== cert.arn) await ctx.authorize('iam:UpdateServerCertificate', arn);
      await store.transaction(async (tx) => {
        const taken =
          name.toLowerCase() !== cert.name.toLowerCase() &&
          (await tx.serverCertificates.getByName(cert.accountId, name));
        if (taken) throw exists(name);
        await tx.serverCertificates.rename(cert.certificateId, name, path, arn).catch(rethrowAs(() => exists(name)));
      });
      return {};
    },

    async DeleteServerCertificate(input, ctx) {
      const cert = await authorized(ctx, input.ServerCertificateName, 'iam:DeleteServerCertificate');
      await store.transaction((tx) => tx.serverCertificates.delete(cert.certificateId));
      return {};
    },

    TagServerCertificate: (input, ctx) => tagging.tag(input, ctx),
    UntagServerCertificate: (input, ctx) => tagging.untag(input, ctx),
    ListServerCertificateTags: (input, ctx) => tagging.list(input, ctx),
  };
  return handlers;
}
