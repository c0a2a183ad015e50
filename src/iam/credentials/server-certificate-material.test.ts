import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkServerCertificate } from './server-certificate-material.js';

const dir = mkdtempSync(join(tmpdir(), 'ward-cert-unit-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=unit', '-days', '1', '-keyout', 'k.pem', '-out', 'c.pem'], { cwd: dir, stdio: 'pipe' }); // prettier-ignore
const cert = readFileSync(join(dir, 'c.pem'), 'utf8');
const key = readFileSync(join(dir, 'k.pem'), 'utf8');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkServerCertificate', () => {
  it('answers the certificate’s expiration', () => {
    const expires = checkServerCertificate(cert, key, undefined, new Date());
    expect(expires.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
  });

  it('refuses a certificate not valid yet as AWS does (MalformedCertificate), and a key that does not parse', () => {
    expect(() => checkServerCertificate(cert, key, undefined, new Date('2000-01-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'MalformedCertificate' }),
    );
    expect(() => checkServerCertificate(cert, 'not a key', undefined, new Date())).toThrow(
      expect.objectContaining({ code: 'MalformedCertificate', message: 'Unable to parse private key.' }),
    );
    expect(() => checkServerCertificate(cert, key, 'no certificates here', new Date())).toThrow(
      expect.objectContaining({ code: 'MalformedCertificate' }),
    );
  });
});
