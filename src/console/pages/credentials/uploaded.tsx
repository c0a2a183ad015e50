import type { ListSSHPublicKeysResponse, ListSigningCertificatesResponse } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { formText, formatDate } from '../../ui/form-data.js';
import { ActionButton, Csrf, TextArea } from '../../ui/forms.js';
import { Section, StatusBadge } from './section.js';
import {
  ROUTE_BASES,
  type Target,
  actAndReturn,
  formBody,
  ownUserName,
  statusField,
  targetOf,
  whose,
} from './target.js';

/** Signing certificates and SSH public keys: both are uploaded bodies with an ID, a status and an upload date. */
interface UploadedKind {
  id: string;
  title: string;
  intro: string;
  /** What the table and messages call one. */
  noun: string;
  none: string;
  uploadLabel: string;
  idColumn: string;
  bodyLabel: string;
  bodyHint: string;
  list(c: ConsoleContext, target: Target): Promise<Array<{ id: string; status: string; uploaded: Date | undefined }>>;
  upload: { operation: string; field: string };
  update: { operation: string; idField: string };
  remove: { operation: string };
  /** The SSH operations require a UserName even for one's own keys. */
  namesOwnUser?: boolean;
}

const KINDS: UploadedKind[] = [
  {
    id: 'signing-certificates',
    title: 'X.509 signing certificates',
    intro:
      'Use X.509 certificates to make secure SOAP-protocol requests to some AWS services. You can have a maximum of two X.509 certificates (active or inactive) at a time.',
    noun: 'Signing certificate',
    none: 'No X.509 signing certificates.',
    uploadLabel: 'Upload X.509 certificate',
    idColumn: 'Certificate ID',
    bodyLabel: 'Certificate body',
    bodyHint: 'Paste the PEM-encoded X.509 certificate, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
    async list(c, target) {
      const out = await c.var.call<ListSigningCertificatesResponse>('iam', 'ListSigningCertificates', whose(target));
      return out.Certificates.map((x) => ({ id: x.CertificateId, status: x.Status, uploaded: x.UploadDate }));
    },
    upload: { operation: 'UploadSigningCertificate', field: 'CertificateBody' },
    update: { operation: 'UpdateSigningCertificate', idField: 'CertificateId' },
    remove: { operation: 'DeleteSigningCertificate' },
  },
  {
    id: 'ssh-keys',
    title: 'SSH public keys for AWS CodeCommit',
    intro:
      'Use SSH public keys to authenticate access to AWS CodeCommit repositories. You can have a maximum of five SSH public keys (active or inactive) at a time.',
    noun: 'SSH public key',
    none: 'No SSH public keys.',
    uploadLabel: 'Upload SSH public key',
    idColumn: 'SSH key ID',
    bodyLabel: 'SSH public key body',
    bodyHint: 'Paste an ssh-rsa (at least 2048 bits), ecdsa or ed25519 public key, as in a .pub file.',
    async list(c, target) {
      const out = await c.var.call<ListSSHPublicKeysResponse>('iam', 'ListSSHPublicKeys', whose(target));
      return (out.SSHPublicKeys ?? []).map((x) => ({ id: x.SSHPublicKeyId, status: x.Status, uploaded: x.UploadDate }));
    },
    upload: { operation: 'UploadSSHPublicKey', field: 'SSHPublicKeyBody' },
    update: { operation: 'UpdateSSHPublicKey', idField: 'SSHPublicKeyId' },
    remove: { operation: 'DeleteSSHPublicKey' },
    namesOwnUser: true,
  },
];

const owner = (c: ConsoleContext, target: Target, kind: UploadedKind) =>
  kind.namesOwnUser ? { UserName: ownUserName(c, target) } : whose(target);

/** The sections for this target: root has no SSH keys on AWS, so it gets none. */
export function uploadedKinds(target: Target): UploadedKind[] {
  return target.root ? KINDS.filter((k) => k.id !== 'ssh-keys') : KINDS;
}

export async function UploadedSection({ c, target, kind }: { c: ConsoleContext; target: Target; kind: UploadedKind }) {
  const action = `${target.base}/${kind.id}`;
  return (
    <Section
      id={kind.id}
      title={kind.title}
      intro={kind.intro}
      load={async () => {
        const items = await kind.list(c, target);
        return (
          <>
            {items.length === 0 ? (
              <p>{kind.none}</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{kind.idColumn}</th>
                      <th scope="col">Status</th>
                      <th scope="col">Uploaded</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <tr>
                        <td class="mono">{item.id}</td>
                        <td>
                          <StatusBadge status={item.status} />
                        </td>
                        <td>{formatDate(item.uploaded)}</td>
                        <td>
                          <div class="actions">
                            <ActionButton
                              action={`${action}/status`}
                              csrf={c.var.csrf}
                              label={item.status === 'Active' ? 'Deactivate' : 'Activate'}
                              fields={{ id: item.id, Status: item.status === 'Active' ? 'Inactive' : 'Active' }}
                            />
                            <ActionButton
                              action={`${action}/delete`}
                              csrf={c.var.csrf}
                              label="Delete"
                              danger
                              fields={{ id: item.id }}
                              confirm={`Delete ${item.id}?`}
                            />
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <details>
              <summary>{kind.uploadLabel}</summary>
              <form method="post" action={action}>
                <Csrf token={c.var.csrf} />
                <TextArea label={kind.bodyLabel} name={kind.upload.field} rows={8} mono required hint={kind.bodyHint} />
                <div class="actions">
                  <button type="submit">Upload</button>
                </div>
              </form>
            </details>
          </>
        );
      }}
    />
  );
}

export function registerUploadedRoutes(app: ConsoleApp): void {
  for (const base of ROUTE_BASES) {
    for (const kind of KINDS) {
      const anchor = `#${kind.id}`;
      app.post(`${base}/${kind.id}`, async (c) => {
        const target = targetOf(c);
        const body = formText(await formBody(c), kind.upload.field);
        return actAndReturn(
          c,
          target,
          `${kind.noun} uploaded.`,
          () => c.var.call('iam', kind.upload.operation, { ...owner(c, target, kind), [kind.upload.field]: body }),
          anchor,
        );
      });
      app.post(`${base}/${kind.id}/status`, async (c) => {
        const target = targetOf(c);
        const form = await formBody(c);
        const status = statusField(form);
        const input = { ...owner(c, target, kind), [kind.update.idField]: formText(form, 'id'), Status: status };
        return actAndReturn(
          c,
          target,
          `${kind.noun} ${status === 'Active' ? 'activated' : 'deactivated'}.`,
          () => c.var.call('iam', kind.update.operation, input),
          anchor,
        );
      });
      app.post(`${base}/${kind.id}/delete`, async (c) => {
        const target = targetOf(c);
        const input = { ...owner(c, target, kind), [kind.update.idField]: formText(await formBody(c), 'id') };
        return actAndReturn(
          c,
          target,
          `${kind.noun} deleted.`,
          () => c.var.call('iam', kind.remove.operation, input),
          anchor,
        );
      });
    }
  }
}
