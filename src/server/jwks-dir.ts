import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonWebKey } from 'node:crypto';
import type { JwksSource } from '../sts/web-identity.js';

/**
 * OIDC signing keys from a directory (WARD_OIDC_JWKS_DIR): `<issuer>.json` holds the issuer's
 * JWKS (`{"keys":[…]}`), `<issuer>` being the provider URL without `https://` and with `/` as `_`
 * (`issuer.example.com_tenant.json` for https://issuer.example.com/tenant). Read on each use, so
 * rotated keys apply at once.
 */
export function jwksDirSource(dir: string | undefined): JwksSource {
  return {
    async keysFor(issuerPath) {
      if (!dir) return undefined;
      const file = join(dir, `${issuerPath.replace(/\//g, '_')}.json`);
      try {
        const doc = JSON.parse(await readFile(file, 'utf8')) as { keys?: unknown };
        return Array.isArray(doc.keys) ? (doc.keys as JsonWebKey[]) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
