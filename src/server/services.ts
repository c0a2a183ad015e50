import type { OperationHandler } from '../shared/call-context.js';
import { loadModel } from '../wire/index.js';

export type ServiceName = 'iam' | 'sts' | 'organizations' | 'account' | 'cloudtrail';

/** One AWS service Ward answers: its model (the wire truth) and its handlers. */
export interface ServiceDef {
  name: ServiceName;
  model: ReturnType<typeof loadModel>;
  protocol: 'query' | 'json' | 'rest-json';
  // Handlers are checked against the generated types where they are written; here they are looked up by name.
  handlers: Readonly<Record<string, OperationHandler<never, unknown> | undefined>>;
  /** Operations AWS serves without a signature (for example sts:AssumeRoleWithWebIdentity). */
  anonymous: ReadonlySet<string>;
}

/**
 * The handler maps of a service's areas as one map. Two areas defining the same operation is a
 * start-up error: with a plain spread the later one would silently answer for both.
 */
export function joinHandlers(service: string, groups: readonly object[]): ServiceDef['handlers'] {
  const joined: Record<string, OperationHandler<never, unknown> | undefined> = {};
  for (const group of groups) {
    for (const [operation, handler] of Object.entries(group)) {
      if (Object.hasOwn(joined, operation))
        throw new Error(`Two handlers for ${service}:${operation}: each operation must be defined once.`);
      joined[operation] = handler as OperationHandler<never, unknown> | undefined;
    }
  }
  return joined;
}

export function serviceDef(
  name: ServiceName,
  protocol: ServiceDef['protocol'],
  handlers: object | readonly object[],
  anonymous: string[] = [],
): ServiceDef {
  return {
    name,
    model: loadModel(name),
    protocol,
    handlers: joinHandlers(name, Array.isArray(handlers) ? handlers : [handlers]),
    anonymous: new Set(anonymous),
  };
}
