import { AwsError } from '../../shared/aws-error.js';
import type { IdentifiedOperation, RequestHead } from '../../wire/routing/types.js';
import type { RoutedService } from '../gateway-deps.js';
import { matchRestOperation } from './match-rest.js';
import type { OperationRoute, ServiceRoutes } from './route-types.js';
import { decodePercent, headerOf, queryParams } from './wire-text.js';

export type OperationRouting = { ok: true; op: IdentifiedOperation } | { ok: false; error: AwsError };

const RPC_V2_PATH = /^\/service\/[^/]+\/operation\/([^/?]+)$/;

/**
 * The operation a request names in its service's protocol, with the input members outside the
 * body. A Query request whose `Action` is in its body is named once the body is read
 * (`decodeBody`); until then its operation is `''`.
 */
export function routeOperation(head: RequestHead, route: RoutedService): OperationRouting {
  const s = route.model as ServiceRoutes;
  let operation: string | undefined;
  let labels: Record<string, string> = {};
  switch (route.protocol) {
    case 'json': {
      const target = headerOf(head, 'x-amz-target') ?? '';
      operation = target.slice(target.lastIndexOf('.') + 1);
      break;
    }
    case 'smithy-rpc-v2-cbor':
      operation = decodePercent(RPC_V2_PATH.exec(head.rawPath)?.[1] ?? '');
      break;
    case 'query':
    case 'ec2':
      operation = queryParams(head.rawQuery).get('Action') ?? '';
      if (operation === '') return { ok: true, op: identified(route, '', {}, true) };
      break;
    case 'rest-json':
    case 'rest-xml': {
      const match = matchRestOperation(s, head, route.virtualHostedBucket);
      if (!match) return { ok: false, error: unknownOperation(route, `${head.method} ${head.rawPath}`) };
      operation = match.operation;
      labels = match.labels;
      break;
    }
  }
  const op = Object.hasOwn(s.operations, operation) ? s.operations[operation] : undefined;
  if (!op) return { ok: false, error: unknownOperation(route, operation) };
  const input = { ...labels, ...located(op, head, labels) };
  return { ok: true, op: identified(route, operation, input, holdsInput(route, op)) };
}

function identified(
  route: RoutedService,
  operation: string,
  input: Record<string, unknown>,
  bodyHoldsInput: boolean,
): IdentifiedOperation {
  const s = route.model as ServiceRoutes;
  return { service: s.service, signingName: s.signingName, protocol: route.protocol, operation, input, bodyHoldsInput };
}

/** Whether the body carries input: RPC protocols always; REST ones when a structure (not a blob) travels there. */
function holdsInput(route: RoutedService, op: OperationRoute): boolean {
  if (route.protocol !== 'rest-json' && route.protocol !== 'rest-xml') return true;
  return op.payload ? op.payload[1] === 'structure' : op.body === true;
}

/** URI labels are in already; query-string and header members, decoded; header-prefix maps (`x-amz-meta-*`). */
function located(op: OperationRoute, head: RequestHead, labels: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const query = queryParams(head.rawQuery);
  for (const [member, location, wire] of op.located ?? []) {
    if (location === 'uri') {
      const label = labels[wire];
      if (label !== undefined) out[member] = label;
    } else if (location === 'querystring') {
      const value = query.get(wire);
      if (value !== undefined) out[member] = value;
    } else if (location === 'header') {
      const value = headerOf(head, wire.toLowerCase());
      if (value !== undefined) out[member] = value.trim();
    } else if (location === 'headers') {
      const prefix = wire.toLowerCase();
      const map: Record<string, string> = {};
      for (const [name, value] of head.headers)
        if (name.toLowerCase().startsWith(prefix)) map[name.slice(prefix.length).toLowerCase()] = value;
      if (Object.keys(map).length > 0) out[member] = map;
    }
  }
  return out;
}

/** Each protocol's unknown-operation answer (Query's InvalidAction, JSON's UnknownOperationException, S3's MethodNotAllowed). */
export function unknownOperation(route: RoutedService, what: string): AwsError {
  if (route.protocol === 'query' || route.protocol === 'ec2')
    return new AwsError('InvalidAction', `The action ${what} is not valid for this web service.`, 400);
  if (route.protocol === 'rest-xml')
    return new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
  return new AwsError('UnknownOperationException', `Unknown operation ${what}`, 400);
}
