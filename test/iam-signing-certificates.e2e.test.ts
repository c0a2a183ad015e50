import { readFileSync } from 'node:fs';
import {
  CreateUserCommand,
  DeleteSigningCertificateCommand,
  DeleteUserCommand,
  ListSigningCertificatesCommand,
  UpdateSigningCertificateCommand,
  UploadSigningCertificateCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

/** Self-signed P-256 certificates made once with openssl (CN=ward-test, -2, -3). */
const pem = (n: string) => readFileSync(new URL(`./fixtures/signing-cert${n}.pem`, import.meta.url), 'utf8');

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
  await t.iam().send(new CreateUserCommand({ UserName: 'signer' }));
});
afterAll(() => t.close());

describe('signing certificates', () => {
  it('uploads real X.509 certificates, two per user, and refuses a third and a duplicate', async () => {
    const iam = t.iam();
    const first = await iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: pem('') }));
    expect(first.Certificate).toMatchObject({ UserName: 'signer', Status: 'Active' });
    expect(first.Certificate!.CertificateId).toMatch(/^ASCA[A-Z2-7]{24}$/);
    // AWS returns the body byte-for-byte as uploaded, its trailing newline included.
    expect(pem('').endsWith('\n')).toBe(true);
    expect(first.Certificate!.CertificateBody).toBe(pem(''));
    const listed = await iam.send(new ListSigningCertificatesCommand({ UserName: 'signer' }));
    expect(listed.Certificates![0]!.CertificateBody).toBe(pem(''));
    const dup = await caught(() =>
      iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: pem('').trimEnd() })),
    );
    expect(dup.Code).toBe('DuplicateCertificate');
    await iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: pem('-2') }));
    const third = await caught(() =>
      iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: pem('-3') })),
    );
    expect(third.Code).toBe('LimitExceeded');
    expect(third.message).toBe('Cannot exceed quota for CertificatesPerUser: 2');
  });

  it('refuses a body that is not a certificate', async () => {
    const garbage = '-----BEGIN CERTIFICATE-----\nnot a certificate at all\n-----END CERTIFICATE-----';
    const err = await caught(() => t.iam().send(new UploadSigningCertificateCommand({ CertificateBody: garbage })));
    expect(err.Code).toBe('MalformedCertificate');
  });

  it('deactivates, lists and deletes, and DeleteUser waits for them', async () => {
    const iam = t.iam();
    const listed = await iam.send(new ListSigningCertificatesCommand({ UserName: 'signer' }));
    expect(listed.Certificates).toHaveLength(2);
    const id = listed.Certificates![0]!.CertificateId!;
    await iam.send(new UpdateSigningCertificateCommand({ UserName: 'signer', CertificateId: id, Status: 'Inactive' }));
    const after = await iam.send(new ListSigningCertificatesCommand({ UserName: 'signer' }));
    expect(after.Certificates!.find((c) => c.CertificateId === id)?.Status).toBe('Inactive');
    expect((await caught(() => iam.send(new DeleteUserCommand({ UserName: 'signer' })))).Code).toBe('DeleteConflict');
    for (const c of after.Certificates!)
      await iam.send(new DeleteSigningCertificateCommand({ UserName: 'signer', CertificateId: c.CertificateId }));
    const gone = await caught(() =>
      iam.send(new DeleteSigningCertificateCommand({ UserName: 'signer', CertificateId: id })),
    );
    expect(gone.Code).toBe('NoSuchEntity');
    await iam.send(new DeleteUserCommand({ UserName: 'signer' }));
  });

  it('root holds signing certificates of its own', async () => {
    const mine = await t.iam().send(new UploadSigningCertificateCommand({ CertificateBody: pem('-3') }));
    expect(mine.Certificate!.UserName).toBe('root');
    expect(
      (await t.iam().send(new ListSigningCertificatesCommand({}))).Certificates!.map((c) => c.CertificateId),
    ).toEqual([mine.Certificate!.CertificateId]);
  });
});
