import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  DeleteServerCertificateCommand,
  GetAccountSummaryCommand,
  GetServerCertificateCommand,
  ListServerCertificateTagsCommand,
  ListServerCertificatesCommand,
  TagServerCertificateCommand,
  UntagServerCertificateCommand,
  UpdateServerCertificateCommand,
  UploadServerCertificateCommand,
} from '@aws-sdk/client-iam';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy, userWithKey } from './support/users.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 15: IAM server certificates, checked as IAM checks them. Certificates are made by openssl
 * at test time: a CA, a leaf it signed (with the CA as its chain), and a second key that is not
 * the leaf's.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ward-server-certs-'));
const file = (name: string) => readFileSync(join(dir, name), 'utf8');
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
let t: TestWard;
let pem: { leaf: string; key: string; ca: string; otherKey: string; selfSigned: string; selfKey: string };

beforeAll(async () => {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Ward Test CA', '-days', '2', '-keyout', 'ca.key', '-out', 'ca.pem'); // prettier-ignore
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=www.example.com', '-keyout', 'leaf.key', '-out', 'leaf.csr'); // prettier-ignore
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-out', 'leaf.pem'); // prettier-ignore
  openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'other.key');
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=self', '-days', '1', '-keyout', 'self.key', '-out', 'self.pem'); // prettier-ignore
  pem = {
    leaf: file('leaf.pem'),
    key: file('leaf.key'),
    ca: file('ca.pem'),
    otherKey: file('other.key'),
    selfSigned: file('self.pem'),
    selfKey: file('self.key'),
  };
  t = await startTestWard();
}, 60_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (name: string, extra: Partial<{ CertificateChain: string; Path: string }> = {}) =>
  t.iam().send(
    new UploadServerCertificateCommand({
      ServerCertificateName: name,
      CertificateBody: pem.leaf,
      PrivateKey: pem.key,
      ...extra,
    }),
  );

describe('server certificates', () => {
  it('uploads one with its chain, and returns it byte for byte without its private key', async () => {
    const up = await upload('www', { CertificateChain: pem.ca, Path: '/cloudfront/' });
    const meta = up.ServerCertificateMetadata!;
    expect(meta).toMatchObject({
      Path: '/cloudfront/',
      ServerCertificateName: 'www',
      Arn: `arn:aws:iam::${t.accountId}:server-certificate/cloudfront/www`,
    });
    expect(meta.ServerCertificateId).toMatch(/^ASCA[A-Z2-7]{17}$/);
    const validTo = execFileSync('openssl', ['x509', '-noout', '-enddate'], { input: pem.leaf }).toString();
    expect(meta.Expiration!.getTime()).toBe(new Date(validTo.replace('notAfter=', '').trim()).getTime());

    const got = (await t.iam().send(new GetServerCertificateCommand({ ServerCertificateName: 'www' })))
      .ServerCertificate!;
    expect(got.CertificateBody).toBe(pem.leaf);
    expect(got.CertificateChain).toBe(pem.ca);
    expect(got.ServerCertificateMetadata?.ServerCertificateId).toBe(meta.ServerCertificateId);
    expect(got.Tags).toEqual([]);
    expect(JSON.stringify(got)).not.toContain('PRIVATE KEY');
  });

  it('refuses material IAM refuses: no certificate, a key that is not its own, a chain that did not sign it', async () => {
    const notPem = await caught(() =>
      t.iam().send(
        new UploadServerCertificateCommand({
          ServerCertificateName: 'bad',
          CertificateBody: 'not a certificate',
          PrivateKey: pem.key,
        }),
      ),
    );
    expect(notPem.name).toBe('MalformedCertificateException');
    expect(notPem.message).toBe('Unable to parse certificate. Please ensure the certificate is in PEM format.');
    const mismatch = await caught(() =>
      t.iam().send(
        new UploadServerCertificateCommand({
          ServerCertificateName: 'bad',
          CertificateBody: pem.leaf,
          PrivateKey: pem.otherKey,
        }),
      ),
    );
    expect(mismatch.name).toBe('KeyPairMismatchException');
    const chain = await caught(() => upload('bad', { CertificateChain: pem.selfSigned }));
    expect(chain.name).toBe('MalformedCertificateException');
    expect(chain.message).toContain('The certificate chain must start with the immediate signing certificate');
    const names = (await t.iam().send(new ListServerCertificatesCommand({}))).ServerCertificateMetadataList!.map(
      (m) => m.ServerCertificateName,
    );
    expect(names).not.toContain('bad');
  });

  it('refuses a second certificate of the same name, whatever its case; GetServerCertificate of none is NoSuchEntity', async () => {
    const again = await caught(() => upload('WWW'));
    expect(again.name).toBe('EntityAlreadyExistsException');
    expect(again.message).toBe('The Server Certificate with name WWW already exists.');
    const none = await caught(() => t.iam().send(new GetServerCertificateCommand({ ServerCertificateName: 'none' })));
    expect(none.name).toBe('NoSuchEntityException');
    expect(none.message).toBe('The Server Certificate with name none cannot be found.');
  });

  it('lists by path prefix with Marker and MaxItems, renames and moves keeping the ID, tags, and deletes', async () => {
    await t.iam().send(
      new UploadServerCertificateCommand({
        ServerCertificateName: 'api',
        CertificateBody: pem.selfSigned,
        PrivateKey: pem.selfKey,
        Tags: [{ Key: 'team', Value: 'edge' }],
      }),
    );
    const first = await t.iam().send(new ListServerCertificatesCommand({ MaxItems: 1 }));
    expect(first.IsTruncated).toBe(true);
    const rest = await t.iam().send(new ListServerCertificatesCommand({ Marker: first.Marker }));
    expect([...first.ServerCertificateMetadataList!, ...rest.ServerCertificateMetadataList!].map((m) => m.ServerCertificateName)).toEqual(['api', 'www']); // prettier-ignore
    const cf = await t.iam().send(new ListServerCertificatesCommand({ PathPrefix: '/cloudfront/' }));
    expect(cf.ServerCertificateMetadataList!.map((m) => m.ServerCertificateName)).toEqual(['www']);

    const before = (await t.iam().send(new GetServerCertificateCommand({ ServerCertificateName: 'api' })))
      .ServerCertificate!;
    expect(before.Tags).toEqual([{ Key: 'team', Value: 'edge' }]);
    await t.iam().send(
      new UpdateServerCertificateCommand({
        ServerCertificateName: 'api',
        NewServerCertificateName: 'api-2027',
        NewPath: '/elb/',
      }),
    );
    const after = (await t.iam().send(new GetServerCertificateCommand({ ServerCertificateName: 'api-2027' })))
      .ServerCertificate!;
    expect(after.ServerCertificateMetadata).toMatchObject({
      ServerCertificateId: before.ServerCertificateMetadata!.ServerCertificateId,
      Path: '/elb/',
      Arn: `arn:aws:iam::${t.accountId}:server-certificate/elb/api-2027`,
    });
    expect(after.Tags).toEqual([{ Key: 'team', Value: 'edge' }]);
    const taken = await caught(
      () =>
      t.iam().send(new UpdateServerCertificateCommand({ ServerCertificateName: 'api-2027', NewServerCertificateName: 'www' })), // prettier-ignore
    );
    expect(taken.name).toBe('EntityAlreadyExistsException');

    await t.iam().send(new TagServerCertificateCommand({ ServerCertificateName: 'api-2027', Tags: [{ Key: 'env', Value: 'prod' }] })); // prettier-ignore
    await t.iam().send(new UntagServerCertificateCommand({ ServerCertificateName: 'api-2027', TagKeys: ['team'] }));
    const tags = await t.iam().send(new ListServerCertificateTagsCommand({ ServerCertificateName: 'api-2027' }));
    expect(tags.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    expect((await t.iam().send(new GetAccountSummaryCommand({}))).SummaryMap).toMatchObject({
      ServerCertificates: 2,
      ServerCertificatesQuota: 20,
    });
    await t.iam().send(new DeleteServerCertificateCommand({ ServerCertificateName: 'api-2027' }));
    expect((await t.iam().send(new GetAccountSummaryCommand({}))).SummaryMap!.ServerCertificates).toBe(1);
  });

  it('stops at AWS’s quota of 20 per account', async () => {
    for (let i = 1; i < 20; i++) await upload(`n${i}`);
    const over = await caught(() => upload('n20'));
    expect(over.name).toBe('LimitExceededException');
    expect(over.message).toBe('Cannot exceed quota for ServerCertificatesPerAccount: 20');
    for (let i = 1; i < 20; i++)
      await t.iam().send(new DeleteServerCertificateCommand({ ServerCertificateName: `n${i}` }));
  });

  it('authorizes each operation on the certificate’s ARN', async () => {
    const key = await userWithKey(t, 'cert-reader', {
      read: policy({
        Effect: 'Allow',
        Action: 'iam:GetServerCertificate',
        Resource: `arn:aws:iam::${t.accountId}:server-certificate/cloudfront/*`,
      }),
    });
    const got = await t.iam(key).send(new GetServerCertificateCommand({ ServerCertificateName: 'www' }));
    expect(got.ServerCertificate?.ServerCertificateMetadata?.ServerCertificateName).toBe('www');
    const denied = await caught(() =>
      t.iam(key).send(new DeleteServerCertificateCommand({ ServerCertificateName: 'www' })),
    );
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/cert-reader is not authorized to perform: iam:DeleteServerCertificate ` +
        `on resource: arn:aws:iam::${t.accountId}:server-certificate/cloudfront/www because no identity-based policy allows the iam:DeleteServerCertificate action`,
    );
  });

  it('keeps the private key sealed at rest and out of the audit trail', async () => {
    const marker = pem.key.split('\n')[1]!;
    if (!t.databaseUrl) {
      const db = new SQLite(join(t.dataDir, 'ward.sqlite'), { readonly: true });
      try {
        const rows = db.prepare('select * from server_certificates').all();
        expect(rows.length).toBeGreaterThan(0);
        expect(JSON.stringify(rows)).not.toContain(marker);
        expect(JSON.stringify(rows)).not.toContain('PRIVATE KEY');
      } finally {
        db.close();
      }
    }
    const trail = new CloudTrailClient({ endpoint: t.url, region: 'us-east-1', credentials: t.root, maxAttempts: 1 });
    let records = '';
    for (let i = 0; i < 50 && !records.includes('UploadServerCertificate'); i++) {
      const events = await trail.send(
        new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'UploadServerCertificate' }] }), // prettier-ignore
      );
      records = (events.Events ?? []).map((e) => e.CloudTrailEvent).join('\n');
      if (!records) await new Promise((r) => setTimeout(r, 100));
    }
    expect(records).toContain('UploadServerCertificate');
    expect(records).not.toContain(marker);
  });

  it('works from the aws CLI (v1) with file:// arguments', async () => {
    writeFileSync(join(dir, 'cli-body.pem'), pem.selfSigned);
    writeFileSync(join(dir, 'cli-key.pem'), pem.selfKey);
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: t.root.accessKeyId,
      AWS_SECRET_ACCESS_KEY: t.root.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
    };
    const cli = (...args: string[]) => run('aws', ['--endpoint-url', t.url, 'iam', ...args], { env, cwd: dir });
    const { stdout } = await cli(
      'upload-server-certificate',
      '--server-certificate-name', 'from-cli',
      '--certificate-body', 'file://cli-body.pem',
      '--private-key', 'file://cli-key.pem',
    ); // prettier-ignore
    expect(JSON.parse(stdout).ServerCertificateMetadata.ServerCertificateName).toBe('from-cli');
    const got = JSON.parse((await cli('get-server-certificate', '--server-certificate-name', 'from-cli')).stdout);
    expect(got.ServerCertificate.CertificateBody).toBe(pem.selfSigned);
    await cli('delete-server-certificate', '--server-certificate-name', 'from-cli');
  }, 60_000);
});
