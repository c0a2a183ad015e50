import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ServiceRoutes } from './route-types.js';

/** Every service botocore ships, indexed the ways a request names one. */
export interface RouteCatalog {
  byName: ReadonlyMap<string, ServiceRoutes>;
  /** Signing names and endpoint prefixes → the services that use them (several share one). */
  bySigningName: ReadonlyMap<string, readonly ServiceRoutes[]>;
  /** `X-Amz-Target` prefixes → services (Timestream's query and write share one). */
  byTargetPrefix: ReadonlyMap<string, readonly ServiceRoutes[]>;
}

let catalog: RouteCatalog | undefined;

/** Read once, on the gateway's first request (about 200 KiB gzipped, written by scripts/trim-gateway-routes.ts). */
export function routeCatalog(): RouteCatalog {
  if (catalog) return catalog;
  const all = JSON.parse(
    gunzipSync(readFileSync(new URL('./models/routes.json.gz', import.meta.url))).toString('utf8'),
  ) as ServiceRoutes[];
  const byName = new Map<string, ServiceRoutes>();
  const bySigningName = new Map<string, ServiceRoutes[]>();
  const byTargetPrefix = new Map<string, ServiceRoutes[]>();
  const add = (key: string, s: ServiceRoutes) => {
    const list = bySigningName.get(key) ?? [];
    if (!list.includes(s)) list.push(s);
    bySigningName.set(key, list);
  };
  for (const s of all) {
    byName.set(s.service, s);
    add(s.signingName, s);
    add(s.endpointPrefix, s);
    if (s.targetPrefix) byTargetPrefix.set(s.targetPrefix, [...(byTargetPrefix.get(s.targetPrefix) ?? []), s]);
  }
  catalog = { byName, bySigningName, byTargetPrefix };
  return catalog;
}
