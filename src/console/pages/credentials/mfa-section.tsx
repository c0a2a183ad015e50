import type { ListMFADevicesResponse } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { formText, formatDate } from '../../ui/form-data.js';
import { ActionButton } from '../../ui/forms.js';
import { Section } from './section.js';
import { ROUTE_BASES, type Target, actAndReturn, formBody, targetOf, whose } from './target.js';

/** Virtual devices are `arn:…:mfa/…`; hardware and FIDO devices have other serials and nothing to delete after deactivation. */
const isVirtual = (serial: string): boolean => /^arn:[^:]+:iam::\d{12}:mfa\//.test(serial);

export async function MfaSection({ c, target }: { c: ConsoleContext; target: Target }) {
  return (
    <Section
      id="mfa"
      title="Multi-factor authentication (MFA)"
      intro="Use MFA to increase the security of your AWS environment. Signing in with MFA requires an authentication code from an MFA device. Each user can have a maximum of 8 MFA devices assigned."
      load={async () => {
        const devices = (await c.var.call<ListMFADevicesResponse>('iam', 'ListMFADevices', whose(target))).MFADevices;
        return (
          <>
            <div class="actions">
              <a class="button secondary" href={`${target.base}/mfa`}>
                Assign MFA device
              </a>
            </div>
            {devices.length === 0 ? (
              <p>No MFA devices. Assign an MFA device to improve the security of this account.</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Type</th>
                      <th scope="col">Identifier</th>
                      <th scope="col">Created on</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {devices.map((d) => (
                      <tr>
                        <td>{isVirtual(d.SerialNumber) ? 'Virtual' : 'Hardware'}</td>
                        <td class="mono">{d.SerialNumber}</td>
                        <td>{formatDate(d.EnableDate)}</td>
                        <td>
                          <ActionButton
                            action={`${target.base}/mfa-devices/remove`}
                            csrf={c.var.csrf}
                            label="Remove"
                            danger
                            fields={{ SerialNumber: d.SerialNumber }}
                            confirm={`Remove MFA device ${d.SerialNumber}?`}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    />
  );
}

export function registerMfaRemoval(app: ConsoleApp): void {
  for (const base of ROUTE_BASES) {
    // AWS's console "Remove" unassigns the device and, for a virtual one, deletes it too.
    app.post(`${base}/mfa-devices/remove`, async (c) => {
      const target = targetOf(c);
      const serial = formText(await formBody(c), 'SerialNumber');
      return actAndReturn(
        c,
        target,
        'MFA device removed.',
        async () => {
          await c.var.call('iam', 'DeactivateMFADevice', { ...whose(target), SerialNumber: serial });
          if (isVirtual(serial)) await c.var.call('iam', 'DeleteVirtualMFADevice', { SerialNumber: serial });
        },
        '#mfa',
      );
    });
  }
}
