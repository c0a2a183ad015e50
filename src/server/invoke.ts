import type { Caller } from '../auth/authenticate.js';
import type { AuditedCall } from '../audit/trail.js';
import { AwsError } from '../shared/aws-error.js';
import { newRequestId } from '../shared/ids.js';
import { type CallOrigin, callContext } from './call-context.js';
import {
  type PipelineDeps,
  auditedDecision,
  handlerOf,
  identify,
  internalError,
  recordCall,
  runOperation,
} from './pipeline.js';
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

/**
 * A console feature that is another AWS service's call, which Ward does not serve as an API (IAM
 * Access Analyzer's policy generation): the principal is authorized for the call's action as that
 * service would authorize it, and the call is recorded under its own service and name, with its
 * decision. Throws AwsError (AccessDenied with AWS's text) when refused.
 */
export interface InvokeAuthorizationCall {
  /** The service's name as its event source takes it (`access-analyzer`) and the operation's. */
  service: string;
  operation: string;
  action: string;
  resource: string;
  /** The request's parameters, as the record shows them. */
  input: unknown;
  caller: Caller;
  origin: CallOrigin;
}

export async function invokeAuthorization(deps: PipelineDeps, call: InvokeAuthorizationCall): Promise<void> {
  const started = performance.now();
  const requestId = newRequestId();
  const now = deps.clock();
  const facts: AuditedCall = {
    requestId,
    at: now,
    sourceIp: call.origin.sourceIp,
    userAgent: call.origin.userAgent,
    service: call.service,
    operation: call.operation,
    input: call.input,
  };
  identify(facts, call.caller);
  try {
    const ctx = callContext(requestId, call.caller, now, deps.authorizer, call.origin, (action, resource, decision) => {
      (facts.decisions ??= []).push(auditedDecision(action, resource, decision));
    });
    await ctx.authorize(call.action, call.resource);
  } catch (err) {
    const error = err instanceof AwsError ? err : internalError(err);
    facts.error = { code: error.code, message: error.message, status: error.status };
    throw error;
  } finally {
    void recordCall(deps, facts, 'console', started);
  }
}
