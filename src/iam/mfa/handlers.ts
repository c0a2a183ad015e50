import QRCode from 'qrcode';
import { iamArn, rootArn as iamRootArn } from '../../shared/arn.js';
import type { CallContext } from '../../shared/call-context.js';
import { credentialErrors } from '../credentials/errors.js';
import type { MfaDeviceRecord } from '../credentials-store.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import type { Tag } from '../records.js';
import { type CredentialOwner, authorizedOwner, ownerAccountId, ownerUserId, ownerUserName } from '../core/resolve.js';
import { wireRootUser, wireTags, wireUser } from '../core/shapes.js';
import { authorizeNewResourceTags, taggingOperations } from '../tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../tagging/tag-rules.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { consecutiveCodes, newSeedBase32, otpauthUri } from '../core/totp.js';
import { rethrowAs } from '../core/rethrow-as.js';
import { offsetPage } from '../core/paging.js';

/** AWS allows up to 8 MFA devices (of any type) per user and per root user. */
export const MFA_DEVICES_PER_USER = 8;
/** ResyncMFADevice looks further than ±1 step: the device's clock has drifted. */
const RESYNC_WINDOW = 10;

/**
 * The owner an MFA operation acts on: the named user, or (no name, or the name `root` when no IAM
 * user has it, since EnableMFADevice requires a UserName) the calling root user.
 */
async function mfaOwner(
  store: IamStore,
  ctx: CallContext,
  userName: string | undefined,
  action: string,
): Promise<CredentialOwner> {
  if (
    userName === 'root' &&
    ctx.principal.kind === 'root' &&
    !(await store.users.getByName(ctx.principal.accountId, 'root'))
  ) {
    return authorizedOwner(store, ctx, undefined, action);
  }
  return authorizedOwner(store, ctx, userName, action);
}

/** The device of the caller's account with that serial number. */
async function deviceOf(store: IamStore, ctx: CallContext, serialNumber: string): Promise<MfaDeviceRecord> {
  const device = await store.credentials.getMfaDevice(serialNumber);
  if (!device || device.accountId !== ctx.principal.accountId) throw credentialErrors.noSuchMfa(serialNumber);
  return device;
}

const ownsDevice = (owner: CredentialOwner, d: MfaDeviceRecord): boolean =>
  d.accountId === ownerAccountId(owner) && (owner.kind === 'root' ? d.assignedRoot : d.userId === owner.user.userId);

async function wireAssignee(store: IamStore, d: MfaDeviceRecord) {
  if (d.assignedRoot)
    return wireRootUser(d.accountId, (await store.accounts.get(d.accountId))?.createdAt ?? d.createdAt);
  if (d.userId === undefined) return undefined;
  const user = await store.users.getById(d.userId);
  return user ? wireUser(user) : undefined;
}

export function mfaHandlers({ store }: IamDeps): IamHandlers {
  const tagging = taggingOperations(store, {
    kind: 'mfa-device',
    find: async (ctx, input: { SerialNumber: string }, action, keys) => {
      await ctx.authorize(action, input.SerialNumber, keys);
      return deviceOf(store, ctx, input.SerialNumber);
    },
    id: (device) => device.serialNumber,
  });
  return {
    async CreateVirtualMFADevice(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      const serialNumber = iamArn(accountId, 'mfa', path, input.VirtualMFADeviceName);
      const tags: Tag[] = tagsFromRequest('mfa-device', input.Tags);
      await ctx.authorize('iam:CreateVirtualMFADevice', serialNumber, tagConditionKeys(tags));
      await authorizeNewResourceTags(ctx, 'mfa-device', serialNumber, tags);
      const seed = newSeedBase32();
      const device: MfaDeviceRecord = {
        serialNumber,
        accountId,
        name: input.VirtualMFADeviceName,
        path,
        createdAt: ctx.now,
        assignedRoot: false,
        lastStep: 0,
        driftSteps: 0,
      };
      await store.transaction(async (tx) => {
        if (
          (await tx.credentials.listMfaDevices(accountId, 'Any')).some(
            (d) => d.name.toLowerCase() === device.name.toLowerCase(),
          )
        )
          throw credentialErrors.mfaExists();
        await tx.credentials.createMfaDevice(device, seed, tags).catch(rethrowAs(() => credentialErrors.mfaExists()));
      });
      const alias = await store.accounts.getAlias(accountId);
      const uri = otpauthUri(seed, `${input.VirtualMFADeviceName}@${alias ?? accountId}`, 'Ward');
      const png = await QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M' });
      return {
        VirtualMFADevice: {
          SerialNumber: serialNumber,
          // AWS returns the base32 seed text, which the wire base64-encodes as a blob.
          Base32StringSeed: new Uint8Array(Buffer.from(seed, 'utf8')),
          QRCodePNG: new Uint8Array(png),
          ...(tags.length > 0 ? { Tags: wireTags(tags) } : {}),
        },
      };
    },

    async DeleteVirtualMFADevice(input, ctx) {
      // AWS's IAMDeleteRootUserCredentials allows iam:DeleteVirtualMFADevice only on `arn:aws:iam::*:root`:
      // an sts:AssumeRoot session deletes the member root's device (assigned to root, or unassigned
      // once the session deactivated it) as the root user. An IAM user's device is authorized on its
      // own ARN, which the task policy denies.
      const p = ctx.principal;
      const found =
        p.kind === 'root' && p.session?.assumedRoot
          ? await store.credentials.getMfaDevice(input.SerialNumber)
          : undefined;
      const rootsOwn =
        found !== undefined && found.accountId === p.accountId && (found.assignedRoot || found.userId === undefined);
      await ctx.authorize('iam:DeleteVirtualMFADevice', rootsOwn ? iamRootArn(p.accountId) : input.SerialNumber);
      const device = await deviceOf(store, ctx, input.SerialNumber);
      await store.transaction(async (tx) => {
        const current = await tx.credentials.getMfaDevice(device.serialNumber);
        if (current?.enableDate !== undefined) throw credentialErrors.mfaDeleteInUse();
        await tx.credentials.deleteMfaDevice(device.serialNumber);
      });
      return {};
    },

    async EnableMFADevice(input, ctx) {
      const owner = await mfaOwner(store, ctx, input.UserName, 'iam:EnableMFADevice');
      const device = await deviceOf(store, ctx, input.SerialNumber);
      await store.transaction(async (tx) => {
        const current = (await tx.credentials.getMfaDevice(device.serialNumber))!;
        if (current.enableDate !== undefined) throw credentialErrors.mfaInUse();
        const seed = (await tx.credentials.mfaSeed(device.serialNumber))!;
        const step = consecutiveCodes(
          seed,
          input.AuthenticationCode1,
          input.AuthenticationCode2,
          ctx.now,
          1,
          current.lastStep,
        );
        if (step === undefined) throw credentialErrors.invalidCode();
        if (
          (await tx.credentials.mfaDevicesOf(ownerAccountId(owner), ownerUserId(owner))).length >= MFA_DEVICES_PER_USER
        ) {
          throw iamErrors.quota('MFADevicesPerUser', MFA_DEVICES_PER_USER);
        }
        await tx.credentials.assignMfaDevice(device.serialNumber, ownerUserId(owner), ctx.now, step);
      });
      return {};
    },

    async ResyncMFADevice(input, ctx) {
      const owner = await mfaOwner(store, ctx, input.UserName, 'iam:ResyncMFADevice');
      const device = await deviceOf(store, ctx, input.SerialNumber);
      if (!ownsDevice(owner, device)) throw credentialErrors.mfaInvalidForUser();
      await store.transaction(async (tx) => {
        const current = (await tx.credentials.getMfaDevice(device.serialNumber))!;
        const seed = (await tx.credentials.mfaSeed(device.serialNumber))!;
        const step = consecutiveCodes(
          seed,
          input.AuthenticationCode1,
          input.AuthenticationCode2,
          ctx.now,
          RESYNC_WINDOW,
          current.lastStep,
        );
        if (step === undefined) throw credentialErrors.invalidCode();
        await tx.credentials.recordMfaStep(device.serialNumber, step, step - Math.floor(ctx.now.getTime() / 30_000));
      });
      return {};
    },

    async DeactivateMFADevice(input, ctx) {
      const owner = await mfaOwner(store, ctx, input.UserName, 'iam:DeactivateMFADevice');
      const device = await deviceOf(store, ctx, input.SerialNumber);
      if (!ownsDevice(owner, device)) throw credentialErrors.mfaInvalidForUser();
      await store.transaction((tx) => tx.credentials.unassignMfaDevice(device.serialNumber));
      return {};
    },

    async ListMFADevices(input, ctx) {
      const owner = await mfaOwner(store, ctx, input.UserName, 'iam:ListMFADevices');
      const devices = await store.credentials.mfaDevicesOf(ownerAccountId(owner), ownerUserId(owner));
      const { items, ...page } = offsetPage(devices, input);
      return {
        MFADevices: items.map((d) => ({
          UserName: ownerUserName(owner),
          SerialNumber: d.serialNumber,
          EnableDate: d.enableDate ?? d.createdAt,
        })),
        ...page,
      };
    },

    async GetMFADevice(input, ctx) {
      const owner = await mfaOwner(store, ctx, input.UserName, 'iam:GetMFADevice');
      const device = await store.credentials.getMfaDevice(input.SerialNumber);
      if (!device || !ownsDevice(owner, device)) throw credentialErrors.noSuchMfa(input.SerialNumber);
      return {
        ...(owner.kind === 'user' ? { UserName: owner.user.userName } : {}),
        SerialNumber: device.serialNumber,
        ...(device.enableDate ? { EnableDate: device.enableDate } : {}),
      };
    },

    async ListVirtualMFADevices(input, ctx) {
      const accountId = ctx.principal.accountId;
      await ctx.authorize('iam:ListVirtualMFADevices', '*');
      const devices = await store.credentials.listMfaDevices(accountId, input.AssignmentStatus ?? 'Any');
      const { items, ...page } = offsetPage(devices, input);
      const out = [];
      for (const d of items) {
        const user = await wireAssignee(store, d);
        const tags = await store.tags.list('mfa-device', d.serialNumber);
        out.push({
          SerialNumber: d.serialNumber,
          ...(user ? { User: user } : {}),
          ...(d.enableDate ? { EnableDate: d.enableDate } : {}),
          ...(tags.length > 0 ? { Tags: wireTags(tags) } : {}),
        });
      }
      return { VirtualMFADevices: out, ...page };
    },

    TagMFADevice: (input, ctx) => tagging.tag(input, ctx),
    UntagMFADevice: (input, ctx) => tagging.untag(input, ctx),
    ListMFADeviceTags: (input, ctx) => tagging.list(input, ctx),
  };
}
