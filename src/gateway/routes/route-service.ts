import { AwsError } from '../../shared/aws-error.js';
import { serviceScopeMismatch } from '../../sigv4/index.js';
import type { RequestHead, WireProtocol } from '../../wire/routing/types.js';
import { virtualHostedBucket } from '../entry-rule.js';
import type { RoutedService } from '../gateway-deps.js';
import { routeCatalog } from './catalog.js';
import { matchRestOperation } from './match-rest.js';
import type { ServiceRoutes } from './route-types.js';
import { headerOf, queryParams } from './wire-text.js';

const SCOPE_SERVICE = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/;
const RPC_V2_PATH = /^\/service\/([^/]+)\/operation\/([^/?]+)$/;

export type ServiceRouting =
  { ok: true; route: RoutedService } | { ok: false; error: AwsError; service: string; protocol: WireProtocol };

/**
 * The service a request names, by botocore's models: a virtual-hosted bucket, the signature's
 * scope (SigV4) or S3's SigV2, the `X-Amz-Target` prefix, RPCv2's path; among services sharing a
 * signing name, the one whose target, Version or URI the request fits. And the protocol it speaks.
 */
export function routeService(head: RequestHead, s3Domains: readonly string[]): ServiceRouting {
  const catalog = routeCatalog();
  const host = headerOf(head, 'host');
  const bucket = host === undefined ? undefined : virtualHostedBucket(host, s3Domains);
  if (bucket !== undefined) return routed(catalog.byName.get('s3')!, 'rest-xml', bucket);

  const signingName = signingNameOf(head);
  const target = headerOf(head, 'x-amz-target');
  if (target !== undefined) {
    const dot = target.lastIndexOf('.');
    const byTarget = pick(catalog.byTargetPrefix.get(target.slice(0, dot)), target.slice(dot + 1), signingName);
    if (byTarget) return scopedTo(byTarget, 'json', signingName);
  }
  const rpc = RPC_V2_PATH.exec(head.rawPath);
  if (rpc && /rpc-v2-cbor/i.test(headerOf(head, 'smithy-protocol') ?? '')) {
    const byTarget = pick(
      catalog.byTargetPrefix.get(decodeURIComponent(rpc[1]!)),
      decodeURIComponent(rpc[2]!),
      signingName,
    );
    if (byTarget) return scopedTo(byTarget, 'smithy-rpc-v2-cbor', signingName);
  }

  if (signingName === undefined) return unknown('the request names no AWS service (it is unsigned)', 'rest-xml');
  const candidates = catalog.bySigningName.get(signingName) ?? [];
  if (candidates.length === 0) return unknown(`no AWS service signs as ${signingName}`, 'json');
  const query = queryParams(head.rawQuery);
  const form = /x-www-form-urlencoded/i.test(headerOf(head, 'content-type') ?? '');
  const wantsQuery = query.has('Action') || form;
  const version = query.get('Version');
  const fits = (s: ServiceRoutes): WireProtocol | undefined => {
    if (target !== undefined) return undefined;
    if (wantsQuery) {
      const p = s.protocols.find((x) => x === 'query' || x === 'ec2');
      return p && (version === undefined || version === s.apiVersion) ? p : undefined;
    }
    const rest = s.protocols.find((x) => x === 'rest-json' || x === 'rest-xml');
    return rest && matchRestOperation(s, head, undefined) ? rest : undefined;
  };
  for (const s of candidates) {
    const protocol = fits(s);
    if (protocol) return routed(s, protocol);
  }
  // None fits exactly: the signing name's own service answers (its unknown-operation error).
  const own = candidates.find((s) => s.service === signingName || s.endpointPrefix === signingName) ?? candidates[0]!;
  return routed(
    own,
    target !== undefined
      ? 'json'
      : wantsQuery
        ? (own.protocols.find((p) => p === 'query' || p === 'ec2') ?? own.protocols[0]!)
        : own.protocols[0]!,
  );
}

/** Among services sharing a target prefix, the one with the operation, signed for it if several. */
function pick(
  services: readonly ServiceRoutes[] | undefined,
  operation: string,
  signingName: string | undefined,
): ServiceRoutes | undefined {
  const having = (services ?? []).filter((s) => Object.hasOwn(s.operations, operation));
  return having.find((s) => s.signingName === signingName) ?? having[0] ?? services?.[0];
}

/** Query services sharing a signing name (ELB and ELBv2) differ by the form's `Version`, read with the body. */
export function queryServiceFor(route: RoutedService, version: string | undefined, operation: string): RoutedService {
  const s = route.model as ServiceRoutes;
  const fits = (c: ServiceRoutes) =>
    (version === undefined || c.apiVersion === version) && Object.hasOwn(c.operations, operation);
  // RDS, Neptune and DocumentDB share `rds` and a Version: the service named like the signing name first.
  const siblings = routeCatalog().bySigningName.get(s.signingName) ?? [];
  const sibling = siblings.find((c) => c.service === c.signingName && fits(c)) ?? (fits(s) ? s : siblings.find(fits));
  if (sibling === s) return route;
  const next = sibling ? routed(sibling, route.protocol) : undefined;
  return next?.ok ? next.route : route;
}

function signingNameOf(head: RequestHead): string | undefined {
  const auth = headerOf(head, 'authorization');
  if (auth?.startsWith('AWS ')) return 's3';
  const scoped = auth === undefined ? undefined : SCOPE_SERVICE.exec(auth)?.[1];
  if (scoped !== undefined) return scoped;
  const query = queryParams(head.rawQuery);
  const credential = query.get('X-Amz-Credential');
  if (credential !== undefined) return credential.split('/')[3];
  if (query.has('AWSAccessKeyId')) return 's3';
  // Unsigned requests outside Ward's own paths are S3's anonymous requests.
  return head.rawPath !== '/' || headerOf(head, 'x-amz-target') === undefined ? 's3' : undefined;
}

/**
 * A target or RPCv2 path naming a service the signature was not scoped to is refused as AWS
 * refuses it (a key scoped to one service signs for no other).
 */
function scopedTo(s: ServiceRoutes, protocol: WireProtocol, signingName: string | undefined): ServiceRouting {
  if (signingName !== undefined && signingName !== s.signingName && signingName !== s.endpointPrefix) {
    const failure = serviceScopeMismatch(s.signingName);
    return {
      ok: false,
      service: s.endpointPrefix,
      protocol,
      error: new AwsError(failure.code, failure.message, failure.status),
    };
  }
  return routed(s, protocol);
}

function routed(s: ServiceRoutes, protocol: WireProtocol, virtualHostedBucket?: string): ServiceRouting {
  const names = [...new Set([s.service, s.signingName, s.endpointPrefix])];
  return {
    ok: true,
    route: {
      names,
      signingName: s.signingName,
      eventService: s.endpointPrefix,
      protocol,
      ...(virtualHostedBucket !== undefined ? { virtualHostedBucket } : {}),
      model: s,
    },
  };
}

function unknown(why: string, protocol: WireProtocol): ServiceRouting {
  return {
    ok: false,
    service: 'unknown',
    protocol,
    error: new AwsError('NotImplemented', `Ward's gateway cannot route this request: ${why}.`, 501),
  };
}
