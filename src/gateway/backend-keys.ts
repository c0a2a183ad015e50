import type { SigningCredentials } from '../sigv4/index.js';

/**
 * The keys the gateway re-signs forwarded requests with (`--gateway-backend-key
 * [SERVICE=]ACCESS_KEY_ID:SECRET`): an S3-compatible store checks signatures with its own
 * keys, which clients of Ward never hold. A key without a service serves every backend.
 */
export function parseBackendKeys(
  specs: readonly string[],
): (names: readonly string[]) => SigningCredentials | undefined {
  const byService = new Map<string, SigningCredentials>();
  let fallback: SigningCredentials | undefined;
  for (const spec of specs) {
    const named = /^([a-z0-9][a-z0-9.-]*|\*)=(.*)$/s.exec(spec);
    const service = named?.[1];
    const pair = named ? named[2]! : spec;
    const colon = pair.indexOf(':');
    const accessKeyId = pair.slice(0, colon);
    const secretAccessKey = pair.slice(colon + 1);
    // Never echo the spec: it holds a secret.
    if (colon <= 0 || secretAccessKey === '' || !/^[\x21-\x7e]+$/.test(pair))
      throw new Error(
        `--gateway-backend-key${service ? ` for ${service}` : ''}: expected [SERVICE=]ACCESS_KEY_ID:SECRET`,
      );
    const credentials = { accessKeyId, secretAccessKey };
    if (service === undefined || service === '*') fallback = credentials;
    else byService.set(service, credentials);
  }
  return (names) => {
    for (const name of names) {
      const found = byService.get(name.toLowerCase());
      if (found) return found;
    }
    return fallback;
  };
}
