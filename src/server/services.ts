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

export function serviceDef(
  name: ServiceName,
  protocol: ServiceDef['protocol'],
  handlers: object,
  anonymous: string[] = [],
): ServiceDef {
  return {
    name,
    model: loadModel(name),
    protocol,
    handlers: handlers as ServiceDef['handlers'],
    anonymous: new Set(anonymous),
  };
}
