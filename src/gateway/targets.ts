/**
 * Where the gateway forwards each service (`--gateway-target SERVICE=URL`, repeatable;
 * WARD_GATEWAY_TARGETS takes them comma-separated; `*=URL` is the backend for every service
 * without its own). A service is named as the operator knows it: botocore's name (`cloudwatch`),
 * the signing name (`monitoring`) or the endpoint prefix all find it.
 */
export interface GatewayTarget {
  /** The spec's service name, or `*`. */
  service: string;
  /** The backend's origin and base path, e.g. http://127.0.0.1:5000 (no query, no fragment). */
  url: URL;
}

export class GatewayTargets {
  private readonly byService: ReadonlyMap<string, GatewayTarget>;
  private readonly fallback: GatewayTarget | undefined;

  constructor(readonly all: readonly GatewayTarget[]) {
    this.byService = new Map(all.filter((t) => t.service !== '*').map((t) => [t.service, t]));
    this.fallback = all.find((t) => t.service === '*');
  }

  get empty(): boolean {
    return this.all.length === 0;
  }

  /** The backend of the first of a service's names that has one, else the default backend. */
  for(names: readonly string[]): GatewayTarget | undefined {
    for (const name of names) {
      const target = this.byService.get(name.toLowerCase());
      if (target) return target;
    }
    return this.fallback;
  }
}

/** Parses `SERVICE=URL` specs; a bad one is a start-up error naming it. */
export function parseGatewayTargets(specs: readonly string[]): GatewayTargets {
  const targets: GatewayTarget[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const at = spec.indexOf('=');
    const service = spec.slice(0, at).trim().toLowerCase();
    const raw = spec.slice(at + 1).trim();
    if (at <= 0 || !/^(\*|[a-z0-9][a-z0-9.-]*)$/.test(service))
      throw new Error(`--gateway-target "${spec}": expected SERVICE=URL, such as s3=http://127.0.0.1:9000 or *=URL`);
    const url = backendUrl(spec, raw);
    if (seen.has(service)) throw new Error(`--gateway-target names ${service} twice`);
    seen.add(service);
    targets.push({ service, url });
  }
  return new GatewayTargets(targets);
}

function backendUrl(spec: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--gateway-target "${spec}": ${raw} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`--gateway-target "${spec}": the backend must be http:// or https://`);
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    throw new Error(`--gateway-target "${spec}": no credentials, query or fragment in the backend URL`);
  return url;
}

/** Splits WARD_GATEWAY_TARGETS (comma-separated specs). */
export const splitTargetList = (list: string): string[] =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
