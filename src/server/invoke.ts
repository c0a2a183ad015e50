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
export function invokeOperation(deps: PipelineDeps, call: InvokeCall): Promise<unknown> {
  return inProcess(deps, call, async (facts) => {
    const service = deps.services.get(call.service);
    if (!service) throw new AwsError('InvalidAction', `Ward does not serve the ${call.service} service.`, 400);
    facts.service = service.name;
    const handler = handlerOf(service, call.operation);
    return await runOperation(
      deps,
      {
        requestId: facts.requestId,
        now: facts.at,
        service,
        operation: call.operation,
        handler,
        input: call.input,
        caller: call.caller,
        origin: call.origin,
      },
      facts,
    );
  });
}

/**
 * What every in-process call shares: its facts from the principal and origin, AWS errors thrown
 * as such (anything else as AWS's generic 500), and the record.
 */
async function inProcess<T>(
  deps: PipelineDeps,
  call: { operation: string; input: unknown; caller: Caller; origin: CallOrigin },
  body: (facts: AuditedCall) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const facts: AuditedCall = {
    requestId: newRequestId(),
    at: deps.clock(),
    sourceIp: call.origin.sourceIp,
    userAgent: call.origin.userAgent,
    operation: call.operation,
    input: call.input,
  };
  identify(facts, call.caller);
  try {
    return await body(facts);
  } catch (err) {
    const error = err instanceof AwsError ? err : internalError(err);
    facts.error = { code: error.code, message: error.message, status: error.status };
    throw error;
  } finally {
    // The console answers its own page; a trail that is far behind does not hold it up.
    void recordCall(deps, facts, 'console', started);
  }
}

/** A call of a service Ward does not serve as an API, made by the console itself. */
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

/**
 * A console feature that is another AWS service's call (IAM Access Analyzer's policy generation):
 * the principal is authorized for the call's action as that service would authorize it, and the
 * call is recorded under its own service and name, with its decision. Throws AwsError
 * (AccessDenied with AWS's text) when refused.
 */
export function invokeAuthorization(deps: PipelineDeps, call: InvokeAuthorizationCall): Promise<void> {
  return inProcess(deps, call, async (facts) => {
    facts.service = call.service;
    const ctx = callContext(facts.requestId, call.caller, facts.at, deps.authorizer, call.origin, (a, r, decision) => {
      (facts.decisions ??= []).push(auditedDecision(a, r, decision));
    });
    await ctx.authorize(call.action, call.resource);
  });
}
