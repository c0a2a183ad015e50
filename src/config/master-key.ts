import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir, privateFile } from '../shared/private-files.js';

/**
 * The operator's master key: `WARD_MASTER_KEY` (64 hex characters, base64 of 32 bytes,
 * or a passphrase stretched with scrypt), else `<data>/master.key`, created on first
 * start with mode 0600.
 */
export function loadMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.WARD_MASTER_KEY;
  if (fromEnv) return decodeKey(fromEnv);
  const file = join(dataDir, 'master.key');
  privateDir(dataDir);
  if (existsSync(file)) {
    privateFile(file);
    return decodeKey(readFileSync(file, 'utf8').trim());
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeKey(text: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const b64 = Buffer.from(text, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/]{43}=?$/.test(text)) return b64;
  return scryptSync(text, 'ward-master-key', 32);
}
