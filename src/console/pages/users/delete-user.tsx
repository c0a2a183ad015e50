import type {
  AccessKeyMetadata,
  Group,
  MFADevice,
  SSHPublicKeyMetadata,
  SigningCertificate,
} from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { type Step, isCode, listAll, userPath } from './common.js';
import { registerDeletion } from './delete-confirm.js';
import { attachedPolicies, deleteInlinePolicy, detachPolicy, inlinePolicyNames } from './permissions.js';

/** DeleteUser refuses while anything is attached, so the console removes it all first, as AWS's does. */
function deleteUserSteps(c: ConsoleContext, name: string): Step[] {
  const call = (op: string, input: object) => c.var.call('iam', op, { UserName: name, ...input });
  return [
    {
      label: 'Delete console password',
      run: async () => {
        try {
          await call('DeleteLoginProfile', {});
        } catch (err) {
          if (!isCode(err, 'NoSuchEntity')) throw err;
        }
      },
    },
    {
      label: 'Delete access keys',
      run: async () => {
        for (const k of await listAll<AccessKeyMetadata>(c, 'ListAccessKeys', { UserName: name }, 'AccessKeyMetadata'))
          await call('DeleteAccessKey', { AccessKeyId: k.AccessKeyId });
      },
    },
    {
      label: 'Delete signing certificates',
      run: async () => {
        for (const cert of await listAll<SigningCertificate>(
          c,
          'ListSigningCertificates',
          { UserName: name },
          'Certificates',
        ))
          await call('DeleteSigningCertificate', { CertificateId: cert.CertificateId });
      },
    },
    {
      label: 'Delete SSH public keys',
      run: async () => {
        for (const key of await listAll<SSHPublicKeyMetadata>(
          c,
          'ListSSHPublicKeys',
          { UserName: name },
          'SSHPublicKeys',
        ))
          await call('DeleteSSHPublicKey', { SSHPublicKeyId: key.SSHPublicKeyId });
      },
    },
    {
      label: 'Deactivate and delete MFA devices',
      run: async () => {
        for (const device of await listAll<MFADevice>(c, 'ListMFADevices', { UserName: name }, 'MFADevices')) {
          await call('DeactivateMFADevice', { SerialNumber: device.SerialNumber });
          // Virtual devices (serial is an ARN) would otherwise linger unassigned; hardware ones are not ours to delete.
          if (device.SerialNumber.startsWith('arn:'))
            await c.var.call('iam', 'DeleteVirtualMFADevice', { SerialNumber: device.SerialNumber });
        }
      },
    },
    {
      label: 'Remove from groups',
      run: async () => {
        for (const g of await listAll<Group>(c, 'ListGroupsForUser', { UserName: name }, 'Groups'))
          await call('RemoveUserFromGroup', { GroupName: g.GroupName });
      },
    },
    {
      label: 'Delete inline policies',
      run: async () => {
        for (const policy of await inlinePolicyNames(c, 'user', name))
          await deleteInlinePolicy(c, 'user', name, policy);
      },
    },
    {
      label: 'Detach managed policies',
      run: async () => {
        for (const p of await attachedPolicies(c, 'user', name)) await detachPolicy(c, 'user', name, p.PolicyArn ?? '');
      },
    },
    { label: `Delete user ${name}`, run: () => call('DeleteUser', {}) },
  ];
}

export function registerUserDelete(app: ConsoleApp): void {
  registerDeletion(app, {
    noun: 'user',
    route: '/users/:name',
    nav: '/console/users',
    pathOf: userPath,
    listPath: '/console/users',
    consequences: [
      'console password',
      'access keys',
      'signing certificates',
      'SSH public keys',
      'MFA devices',
      'group memberships',
      'inline policies',
      'attached managed policies',
    ],
    steps: deleteUserSteps,
  });
}
