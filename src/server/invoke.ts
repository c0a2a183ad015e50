import type { Caller } from '../auth/authenticate.js';
import type { AuditedCall } from '../audit/trail.js';
import { AwsError } from '../shared/aws-error.js';
import { newRequestId } from '../shared/ids.js';
import type { CallOrigin } from './call-context.js';
import { type PipelineDeps, handlerOf, identify, internalError, recordCall, runOperation } from './pipeline.js';
import type { ServiceName } from './services.js';

/** One operation called in-process as a principal (the console): everything an API call gets but SigV4 and the wire. */
export interface InvokeCall {
  service: ServiceName;
  operation: string;
  input: unknown;
  /** Authenticated already: the console's session guard named the principal. */
  caller: Caller;
  origin: CallOrigin;
}

/**
 * The console's door into the pipeline: the same model validation, handler, evaluation as the
 * caller, use bookkeeping and audit record as a signed API call. Errors are thrown as AwsError,
 * with AWS's codes and messages.
 */
export async function invokeOperation(deps: PipelineDeps, call: InvokeCall): Promise<unknown> {
  const started = performance.now();
  const requestId = newRequestId();
  const now = deps.clock();
  const facts: AuditedCall = {
    requestId,
    at: now,
    sourceIp: call.origin.sourceIp,
    userAgent: call.origin.userAgent,
    operation: call.operation,
    input: call.input,
  };
  identify(facts, call.caller);
  try {
    const service = deps.services.get(call.service);
    if (!service) throw new AwsError('InvalidAction', `Ward does not serve the ${call.service} service.`, 400);
    facts.service = service.name;
    const handler = handlerOf(service, call.operation);
    return await runOperation(
      deps,
      {
        requestId,
        now,
        service,
        operation: call.operation,
        handler,
        input: call.input,
        caller: call.caller,
        origin: call.origin,
      },
      facts,
    );
  } catch (err) {
    const error = err instanceof AwsError ? err : internalError(err);
    facts.error = { code: error.code, message: error.message, status: error.status };
    throw error;
  } finally {
    // The console answers its own page; a trail that is far behind does not hold it up.
    void recordCall(deps, facts, 'console', started);
  }
}
