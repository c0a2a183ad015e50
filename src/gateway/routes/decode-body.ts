import { XMLParser } from 'fast-xml-parser';
import { AwsError } from '../../shared/aws-error.js';
import type { IdentifiedOperation } from '../../wire/routing/types.js';
import type { ServiceRoutes } from './route-types.js';
import { unknownOperation } from './route-operation.js';
import { queryServiceFor } from './route-service.js';
import type { RoutedService } from '../gateway-deps.js';

export type BodyDecoding = { ok: true; op: IdentifiedOperation } | { ok: false; error: AwsError };

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  // Entities and DTDs are not expanded: a body is data, never a document that fetches or grows.
  processEntities: false,
  ignoreDeclaration: true,
});

/**
 * The body's input members, merged over the ones the URI and headers carried: a JSON document
 * (JSON and REST-JSON), a Query form (whose `Action` names the operation, and whose
 * `Name.member.N.Field` keys become lists of structures), or a REST-XML structure payload. An
 * RPCv2 CBOR body is not decoded: its calls are asked on what the path names, failing closed.
 */
export function decodeBody(route: RoutedService, op: IdentifiedOperation, body: Buffer): BodyDecoding {
  const s = route.model as ServiceRoutes;
  if (body.length === 0) return named(route, s, op, op.operation, {});
  try {
    switch (op.protocol) {
      case 'json':
      case 'rest-json': {
        const doc: unknown = JSON.parse(body.toString('utf8'));
        const payload = s.operations[op.operation]?.payload;
        if (payload) return named(route, s, op, op.operation, { [payload[0]]: doc });
        return named(
          route,
          s,
          op,
          op.operation,
          doc && typeof doc === 'object' ? (doc as Record<string, unknown>) : {},
        );
      }
      case 'query':
      case 'ec2': {
        const form = new URLSearchParams(body.toString('utf8'));
        const members = nestForm(form);
        const action = typeof members.Action === 'string' ? members.Action : op.operation;
        const version = typeof members.Version === 'string' ? members.Version : undefined;
        delete members.Action;
        delete members.Version;
        const own = queryServiceFor(route, version, action);
        const ownModel = own.model as ServiceRoutes;
        return named(
          own,
          ownModel,
          { ...op, service: ownModel.service, signingName: ownModel.signingName },
          action,
          members,
        );
      }
      case 'rest-xml': {
        const doc = xml.parse(body.toString('utf8')) as Record<string, unknown>;
        const root = Object.values(doc)[0];
        const payload = s.operations[op.operation]?.payload;
        const members = root && typeof root === 'object' ? (root as Record<string, unknown>) : {};
        return named(route, s, op, op.operation, payload ? { [payload[0]]: members } : members);
      }
      case 'smithy-rpc-v2-cbor':
        return { ok: true, op };
    }
  } catch {
    return { ok: false, error: new AwsError('SerializationException', 'The request body could not be read.', 400) };
  }
}

function named(
  route: RoutedService,
  s: ServiceRoutes,
  op: IdentifiedOperation,
  operation: string,
  members: Record<string, unknown>,
): BodyDecoding {
  if (!Object.hasOwn(s.operations, operation))
    return { ok: false, error: unknownOperation(route, operation || '(none)') };
  // Members the URI and headers carried win: they are what the service itself reads.
  return { ok: true, op: { ...op, operation, input: { ...members, ...op.input } } };
}

/** `Entries.member.1.Id=a` → `{ Entries: [{ Id: 'a' }] }`; `Attribute.1.Name` (flattened) alike. */
function nestForm(form: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of form) {
    const path = key.split('.').filter((p) => p !== 'member' && p !== 'entry');
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const last = i === path.length - 1;
      const index = /^\d+$/.test(part) ? Number(part) - 1 : undefined;
      const slot = index ?? part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = value;
        break;
      }
      const nextIsIndex = /^\d+$/.test(path[i + 1]!);
      container[slot] ??= nextIsIndex ? [] : {};
      node = container[slot] as Record<string, unknown> | unknown[];
    }
  }
  return root;
}
