import { constants, createDecipheriv, privateDecrypt } from 'node:crypto';
import { NS, attr, descendants, onlyChild, simpleText } from '../../shared/safe-xml.js';
import type { AssertionDecrypter } from './verify.js';
import { invalidIdentityToken } from './verify.js';

/** Content ciphers of XML Encryption Ward accepts (CBC from xmlenc 1.0, GCM from 1.1). */
const CIPHERS: Record<string, { name: string; keyBytes: number; gcm: boolean }> = {
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc': { name: 'aes-128-cbc', keyBytes: 16, gcm: false },
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc': { name: 'aes-256-cbc', keyBytes: 32, gcm: false },
  'http://www.w3.org/2009/xmlenc11#aes128-gcm': { name: 'aes-128-gcm', keyBytes: 16, gcm: true },
  'http://www.w3.org/2009/xmlenc11#aes256-gcm': { name: 'aes-256-gcm', keyBytes: 32, gcm: true },
};
/** Key transport: RSA-OAEP only (RSA PKCS#1 v1.5 is open to padding-oracle attacks, and is refused). */
const KEY_TRANSPORT = new Set([
  'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
  'http://www.w3.org/2009/xmlenc11#rsa-oaep',
]);

const refused = () => invalidIdentityToken('Unable to decrypt the SAML assertion.');

function cipherValue(el: Element): Buffer {
  const data = onlyChild(el, NS.xenc, 'CipherData');
  const value = data && onlyChild(data, NS.xenc, 'CipherValue');
  if (!value) throw refused();
  return Buffer.from(simpleText(value).replace(/\s+/g, ''), 'base64');
}

function algorithm(el: Element): string {
  const method = onlyChild(el, NS.xenc, 'EncryptionMethod');
  return (method && attr(method, 'Algorithm')) ?? '';
}

function unwrapKey(encryptedKey: Element, pems: string[]): Buffer | undefined {
  if (!KEY_TRANSPORT.has(algorithm(encryptedKey))) throw refused();
  const wrapped = cipherValue(encryptedKey);
  // OAEP's digest: SHA-1 unless the method names another.
  const method = onlyChild(encryptedKey, NS.xenc, 'EncryptionMethod')!;
  const digestMethod = onlyChild(method, NS.dsig, 'DigestMethod');
  const digest = (digestMethod && attr(digestMethod, 'Algorithm')) ?? '';
  const oaepHash = digest.endsWith('#sha256') ? 'sha256' : digest.endsWith('#sha512') ? 'sha512' : 'sha1';
  for (const key of pems) {
    try {
      return privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, wrapped);
    } catch {
      // Not this key: the provider may hold two during a rotation.
    }
  }
  return undefined;
}

/**
 * Decrypts an EncryptedAssertion (XML Encryption: an RSA-OAEP-wrapped AES key, AES-CBC or AES-GCM
 * content) with the provider's private keys; the plaintext is an Assertion that verify.ts then
 * parses and checks like any other. Undefined when the provider holds no key.
 */
export function decrypterFor(keys: Array<{ pem: string }>): AssertionDecrypter | undefined {
  if (keys.length === 0) return undefined;
  const pems = keys.map((k) => k.pem);
  return (encrypted) => {
    const data = onlyChild(encrypted, NS.xenc, 'EncryptedData');
    if (!data) throw refused();
    const cipher = CIPHERS[algorithm(data)];
    if (!cipher) throw refused();
    const encryptedKeys = descendants(encrypted, NS.xenc, 'EncryptedKey');
    let key: Buffer | undefined;
    for (const ek of encryptedKeys) key ??= unwrapKey(ek, pems);
    if (!key || key.length !== cipher.keyBytes) throw refused();
    const body = cipherValue(data);
    try {
      if (cipher.gcm) {
        const iv = body.subarray(0, 12);
        const tag = body.subarray(body.length - 16);
        const decipher = createDecipheriv(cipher.name as 'aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString('utf8');
      }
      const decipher = createDecipheriv(cipher.name, key, body.subarray(0, 16));
      decipher.setAutoPadding(false);
      const plain = Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]);
      // XML Encryption's padding: the last byte says how many bytes to drop (1..16).
      const pad = plain[plain.length - 1] ?? 0;
      if (pad < 1 || pad > 16) throw refused();
      return plain.subarray(0, plain.length - pad).toString('utf8');
    } catch {
      throw refused();
    }
  };
}
