import { X509Certificate, createHash, createPublicKey } from 'node:crypto';
import { newUniqueId } from '../../shared/ids.js';
import type { CredentialStatus } from '../credentials-store.js';
import { iamErrors } from '../errors.js';
import { authorizedOwner, authorizedUser, ownerAccountId, ownerUserId, ownerUserName } from '../core/resolve.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { IAM_QUOTAS } from '../quotas.js';
import { credentialErrors } from './errors.js';
import { credentialReportCsv } from './report.js';
import { offsetPage } from '../core/paging.js';

export const SSH_PUBLIC_KEYS_PER_USER = 5;

const status = (s: string): CredentialStatus => {
  if (s !== 'Active' && s !== 'Inactive') throw iamErrors.invalidInput(`Invalid status ${s}.`);
  return s;
};

/** Parses an OpenSSH public key line (ssh-rsa, ecdsa-sha2-*, ssh-ed25519) or throws InvalidPublicKey. */
export function parseSshPublicKey(body: string): { fingerprint: string; pem: string } {
  const [type, b64] = body.trim().split(/\s+/);
  if (!type || !b64 || !/^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521))$/.test(type))
    throw credentialErrors.invalidPublicKey();
  const blob = Buffer.from(b64, 'base64');
  const len = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (len <= 0 || blob.subarray(4, 4 + len).toString('latin1') !== type) throw credentialErrors.invalidPublicKey();
  let pem: string;
  try {
    pem = sshToPem(type, blob);
  } catch {
    throw credentialErrors.invalidPublicKey();
  }
  // IAM reports the MD5 fingerprint, colon-separated.
  const fingerprint = createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
  return { fingerprint, pem };
}

/**
 * A key's fingerprint. Emulator mode keeps a body that is no OpenSSH key (moto does), named by the
 * MD5 of its text; it never converts to PEM (`pemOf`), so it fails closed where a key is used.
 */
function sshFingerprint(body: string, keepUnparseable: boolean): { fingerprint: string } {
  try {
    return parseSshPublicKey(body);
  } catch (err) {
    if (!keepUnparseable) throw err;
    return { fingerprint: createHash('md5').update(body.trim(), 'utf8').digest('hex').match(/../g)!.join(':') };
  }
}

/** The PEM form of a stored key; one kept unparsed (emulator mode) has none. */
function pemOf(body: string): string {
  try {
    return parseSshPublicKey(body).pem;
  } catch {
    throw credentialErrors.unrecognizedEncoding();
  }
}

function readStrings(blob: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let off = 0;
  while (off < blob.length) {
    const len = blob.readUInt32BE(off);
    out.push(blob.subarray(off + 4, off + 4 + len));
    off += 4 + len;
    if (off > blob.length) throw new Error('truncated');
  }
  return out;
}

const b64url = (b: Buffer) => b.toString('base64url');
const unsigned = (b: Buffer) => (b[0] === 0 ? b.subarray(1) : b);

function sshToPem(type: string, blob: Buffer): string {
  const parts = readStrings(blob);
  let jwk: Record<string, string>;
  if (type === 'ssh-ed25519') jwk = { kty: 'OKP', crv: 'Ed25519', x: b64url(parts[1]!) };
  else if (type === 'ssh-rsa') jwk = { kty: 'RSA', e: b64url(unsigned(parts[1]!)), n: b64url(unsigned(parts[2]!)) };
  else {
    const point = parts[2]!;
    const size = (point.length - 1) / 2;
    const crv = { nistp256: 'P-256', nistp384: 'P-384', nistp521: 'P-521' }[parts[1]!.toString()] ?? '';
    jwk = { kty: 'EC', crv, x: b64url(point.subarray(1, 1 + size)), y: b64url(point.subarray(1 + size)) };
  }
  return createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
}

export function credentialHandlers({ store, emulator }: IamDeps): IamHandlers {
  const keepUnparseable = emulator?.unparseableCredentials === true;
  return {
    // Signing certificates.
    async UploadSigningCertificate(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:UploadSigningCertificate');
      // Stored and returned byte-for-byte as uploaded (a trailing newline included), as AWS does.
      const body = input.CertificateBody;
      try {
        new X509Certificate(body);
      } catch {
        // Emulator mode keeps it, as moto does; Ward verifies nothing with a signing certificate.
        if (!keepUnparseable) throw credentialErrors.malformedCertificate();
      }
      const accountId = ownerAccountId(owner);
      const userId = ownerUserId(owner);
      const cert = {
        certificateId: newUniqueId('ASCA', 28),
        accountId,
        ...(userId ? { userId } : {}),
        body,
        status: 'Active' as const,
        uploadedAt: ctx.now,
      };
      await store.transaction(async (tx) => {
        const existing = await tx.credentials.signingCertificatesOf(accountId, userId);
        // The same certificate is a duplicate however it was wrapped in whitespace.
        if (existing.some((c) => c.body.trim() === body.trim())) throw credentialErrors.duplicateCertificate();
        // AWS's quota text names it CertificatesPerUser.
        if (existing.length >= IAM_QUOTAS.SigningCertificatesPerUser)
          throw iamErrors.quota('CertificatesPerUser', IAM_QUOTAS.SigningCertificatesPerUser);
        await tx.credentials.createSigningCertificate(cert);
      });
      return {
        Certificate: {
          UserName: ownerUserName(owner),
          CertificateId: cert.certificateId,
          CertificateBody: body,
          Status: 'Active',
          UploadDate: ctx.now,
        },
      };
    },

    async ListSigningCertificates(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:ListSigningCertificates');
      const { items, ...page } = offsetPage(
        await store.credentials.signingCertificatesOf(ownerAccountId(owner), ownerUserId(owner)),
        input,
      );
      return {
        Certificates: items.map((c) => ({
          UserName: ownerUserName(owner),
          CertificateId: c.certificateId,
          CertificateBody: c.body,
          Status: c.status,
          UploadDate: c.uploadedAt,
        })),
        ...page,
      };
    },

    async UpdateSigningCertificate(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:UpdateSigningCertificate');
      const certs = await store.credentials.signingCertificatesOf(ownerAccountId(owner), ownerUserId(owner));
      if (!certs.some((c) => c.certificateId === input.CertificateId))
        throw credentialErrors.noSuchCertificate(input.CertificateId);
      await store.transaction((tx) =>
        tx.credentials.setSigningCertificateStatus(input.CertificateId, status(input.Status)),
      );
      return {};
    },

    async DeleteSigningCertificate(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:DeleteSigningCertificate');
      const certs = await store.credentials.signingCertificatesOf(ownerAccountId(owner), ownerUserId(owner));
      if (!certs.some((c) => c.certificateId === input.CertificateId))
        throw credentialErrors.noSuchCertificate(input.CertificateId);
      await store.transaction((tx) => tx.credentials.deleteSigningCertificate(input.CertificateId));
      return {};
    },

    // SSH public keys (IAM users only).
    async UploadSSHPublicKey(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:UploadSSHPublicKey');
      const { fingerprint } = sshFingerprint(input.SSHPublicKeyBody, keepUnparseable);
      const key = {
        // AWS's SSH public key IDs are 20 characters: APKA and 16 more.
        keyId: newUniqueId('APKA', 20),
        accountId: user.accountId,
        userId: user.userId,
        body: input.SSHPublicKeyBody.trim(),
        fingerprint,
        status: 'Active' as const,
        uploadedAt: ctx.now,
      };
      await store.transaction(async (tx) => {
        const existing = await tx.credentials.sshPublicKeysOf(user.userId);
        if (existing.some((k) => k.fingerprint === fingerprint)) throw credentialErrors.duplicateSshKey();
        if (existing.length >= SSH_PUBLIC_KEYS_PER_USER)
          throw iamErrors.quota('SSHPublicKeysPerUser', SSH_PUBLIC_KEYS_PER_USER);
        await tx.credentials.createSshPublicKey(key);
      });
      return {
        SSHPublicKey: {
          UserName: user.userName,
          SSHPublicKeyId: key.keyId,
          Fingerprint: fingerprint,
          SSHPublicKeyBody: key.body,
          Status: 'Active',
          UploadDate: ctx.now,
        },
      };
    },

    async GetSSHPublicKey(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:GetSSHPublicKey');
      const key = (await store.credentials.sshPublicKeysOf(user.userId)).find((k) => k.keyId === input.SSHPublicKeyId);
      if (!key) throw credentialErrors.noSuchSshKey(input.SSHPublicKeyId);
      const body = input.Encoding === 'PEM' ? pemOf(key.body) : key.body;
      return {
        SSHPublicKey: {
          UserName: user.userName,
          SSHPublicKeyId: key.keyId,
          Fingerprint: key.fingerprint,
          SSHPublicKeyBody: body,
          Status: key.status,
          UploadDate: key.uploadedAt,
        },
      };
    },

    async ListSSHPublicKeys(input, ctx) {
      const owner = await authorizedOwner(store, ctx, input.UserName, 'iam:ListSSHPublicKeys');
      const keys = owner.kind === 'user' ? await store.credentials.sshPublicKeysOf(owner.user.userId) : [];
      const { items, ...page } = offsetPage(keys, input);
      return {
        SSHPublicKeys: items.map((k) => ({
          UserName: ownerUserName(owner),
          SSHPublicKeyId: k.keyId,
          Status: k.status,
          UploadDate: k.uploadedAt,
        })),
        ...page,
      };
    },

    async UpdateSSHPublicKey(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:UpdateSSHPublicKey');
      if (!(await store.credentials.sshPublicKeysOf(user.userId)).some((k) => k.keyId === input.SSHPublicKeyId))
        throw credentialErrors.noSuchSshKey(input.SSHPublicKeyId);
      await store.transaction((tx) => tx.credentials.setSshPublicKeyStatus(input.SSHPublicKeyId, status(input.Status)));
      return {};
    },

    async DeleteSSHPublicKey(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:DeleteSSHPublicKey');
      if (!(await store.credentials.sshPublicKeysOf(user.userId)).some((k) => k.keyId === input.SSHPublicKeyId))
        throw credentialErrors.noSuchSshKey(input.SSHPublicKeyId);
      await store.transaction((tx) => tx.credentials.deleteSshPublicKey(input.SSHPublicKeyId));
      return {};
    },

    // Credential report: generated at once, kept in the meta table for four hours.
    async GenerateCredentialReport(_input, ctx) {
      await ctx.authorize('iam:GenerateCredentialReport', '*');
      const key = `credential-report:${ctx.principal.accountId}`;
      const existing = await store.meta.get(key);
      if (
        existing &&
        !emulator?.regenerateCredentialReport &&
        ctx.now.getTime() - new Date((JSON.parse(existing) as { at: string }).at).getTime() < REPORT_TTL_MS
      ) {
        return { State: 'COMPLETE' };
      }
      const csv = await credentialReportCsv(store, ctx.principal.accountId, ctx.now);
      await store.transaction((tx) => tx.meta.set(key, JSON.stringify({ at: ctx.now.toISOString(), csv })));
      return {
        State: existing ? 'COMPLETE' : 'STARTED',
        Description: 'No report exists. Starting a new report generation task',
      };
    },

    async GetCredentialReport(_input, ctx) {
      await ctx.authorize('iam:GetCredentialReport', '*');
      const raw = await store.meta.get(`credential-report:${ctx.principal.accountId}`);
      if (!raw) throw credentialErrors.reportNotPresent();
      const { at, csv } = JSON.parse(raw) as { at: string; csv: string };
      if (ctx.now.getTime() - new Date(at).getTime() >= REPORT_TTL_MS) throw credentialErrors.reportExpired();
      return {
        Content: new Uint8Array(Buffer.from(csv, 'utf8')),
        ReportFormat: 'text/csv',
        GeneratedTime: new Date(at),
      };
    },
  };
}

/** AWS regenerates a credential report at most every four hours. */
const REPORT_TTL_MS = 4 * 3600 * 1000;
