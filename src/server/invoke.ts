import type { Caller } from '../auth/authenticate.js';
import { AwsError } from '../shared/aws-error.js';
import { newRequestId } from '../shared/ids.js';
import { findOperation, validateInput } from '../wire/index.js';
import { type ApiDeps, internalError, notImplemented, unknownOperation } from './api.js';
import { type CallOrigin, callContext } from './call-context.js';
import type { ServiceName } from './services.js';

/** One operation called in-process as a principal (the console): everything an API call gets but SigV4 and the wire. */
export interface InvokeCall {
  service: ServiceName;
  operation: string;
  input: unknown;
  caller: Caller;
  origin: CallOrigin;
}

/**
 * Runs an operation the way api.ts does after authentication: the same model validation, the
 * same handler and policy evaluation as the caller, the same key last-used and audit records.
 * Errors are thrown as AwsError, with AWS's codes and messages.
 */
export async function invokeOperation(deps: ApiDeps, call: InvokeCall): Promise<unknown> {
  const requestId = newRequestId();
  const now = deps.clock();
  const service = deps.services.get(call.service);
  let output: unknown;
  let error: AwsError | undefined;
  try {
    if (!service) throw new AwsError('InvalidAction', `Ward does not serve the ${call.service} service.`, 400);
    if (!findOperation(service.model, call.operation)) throw unknownOperation(service, call.operation);
    const handler = Object.hasOwn(service.handlers, call.operation) ? service.handlers[call.operation] : undefined;
    if (!handler) throw notImplemented(service, call.operation);
    const invalid = validateInput(service.model, call.operation, call.input);
    if (invalid) throw invalid;
    const { principal } = call.caller;
    deps.lastUsed.recordService(principal.accountId, principal.arn, call.caller.service, now, call.caller.region);
    output = await handler(call.input as never, callContext(requestId, call.caller, now, deps.authorizer, call.origin));
    return output;
  } catch (err) {
    error = err instanceof AwsError ? err : internalError(err);
    throw error;
  } finally {
    deps.audit?.record({
      requestId,
      at: now,
      sourceIp: call.origin.sourceIp,
      userAgent: call.origin.userAgent,
      service: service?.name,
      operation: call.operation,
      input: call.input,
      output,
      caller: call.caller,
      error: error && { code: error.code, message: error.message },
    });
  }
}
