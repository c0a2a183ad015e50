import type { EmulatorRelaxations } from '../shared/emulator-relaxations.js';
import type { Authenticator, Caller, Unsigned } from '../auth/authenticate.js';
import type { Authorizer, Decision } from '../auth/authorizer.js';
import type { LastUsedRecorder } from '../auth/last-used.js';
import type { AuditedCall, AuditedDecision, AuditHook } from '../audit/trail.js';
import { AwsError } from '../shared/aws-error.js';
import type { OperationHandler } from '../shared/call-context.js';
import {
  type ForeignPartition,
  inputFromPartition,
  partitionOf,
  textInPartition,
  valuesInPartition,
} from '../shared/partition.js';
import { type IncomingSignedRequest, type ParseAuthorizationResult, requestedRegion } from '../sigv4/index.js';
import { collectOutputIssues, validateInput } from '../wire/index.js';
import { modelled, notImplemented, unknownOperation } from '../wire/dispatch.js';
import { type CallOrigin, callContext } from './call-context.js';
import type { CallMetrics, Door } from './metrics/call-metrics.js';
import type { ServiceDef, ServiceName } from './services.js';

/**
 * The one road every call takes, whichever door it came in by (a signed API request, the
 * console's in-process call, `POST /authorize`): authenticate → dispatch → authorize → handle →
 * record. Each entry does only what its door needs (read the wire, or the session, or the body)
 * and hands the rest to these steps, so key last-used, the evaluation and the audit record
 * cannot drift apart between them. The facts each step learns are collected in one
 * `AuditedCall` and recorded as data.
 */
export interface PipelineDeps {
  services: ReadonlyMap<ServiceName, ServiceDef>;
  authenticator: Authenticator;
  authorizer: Authorizer;
  lastUsed: LastUsedRecorder;
  clock: () => Date;
  /** The audit trail: told of every call, allowed or not (src/audit/trail.ts). */
  audit?: AuditHook;
  /** Counts and times every call for /metrics (absent with WARD_METRICS=off). */
  metrics?: CallMetrics;
  /** Tests only: refuse a handler output the model does not allow (a 500 naming the broken constraint). */
  checkOutputs?: boolean;
  /** Emulator mode: any real region in the credential scope, as moto takes any (see sigv4/scope-region.ts). */
  emulator?: boolean;
  /** Emulator mode's relaxations (lenient name patterns here). */
  relaxations?: EmulatorRelaxations;
}

/** Authenticates a signed request; the scope's region, checked, becomes the caller's (aws:RequestedRegion). */
export async function authenticateRequest(
  deps: Pick<PipelineDeps, 'authenticator' | 'emulator'>,
  signed: IncomingSignedRequest,
  parsed: ParseAuthorizationResult,
  now: Date,
  facts: AuditedCall,
): Promise<Caller | Unsigned> {
  const authn = await deps.authenticator.authenticateParsed(signed, parsed, now);
  if ('unsigned' in authn) return authn;
  const checked = requestedRegion(authn.service, authn.region, deps.emulator);
  if (!checked.ok) throw new AwsError(checked.code, checked.message, checked.status);
  const caller = checked.region === authn.region ? authn : { ...authn, region: checked.region };
  identify(facts, caller);
  return caller;
}

/** The caller's facts for the record. */
export function identify(facts: AuditedCall, caller: Caller): void {
  facts.principal = caller.principal;
  if (caller.accessKeyId !== undefined) facts.accessKeyId = caller.accessKeyId;
  facts.region = caller.region;
}

/** The handler of a dispatched operation: AWS's unknown-operation error if the model lacks it, unsupported if Ward does. */
export function handlerOf(service: ServiceDef, operation: string): OperationHandler<never, unknown> {
  if (!modelled(service, operation)) throw unknownOperation(service, operation);
  const handler = Object.hasOwn(service.handlers, operation) ? service.handlers[operation] : undefined;
  if (!handler) throw notImplemented(service, operation);
  return handler;
}

export interface OperationCall {
  requestId: string;
  now: Date;
  service: ServiceDef;
  operation: string;
  handler: OperationHandler<never, unknown>;
  input: unknown;
  caller: Caller;
  origin: CallOrigin;
}

/**
 * Validates the input by the model, notes the use of the key and the service, and runs the
 * handler as the caller: every `ctx.authorize` goes to the one authorizer, and its decision is
 * kept in `facts` for the record.
 */
export async function runOperation(deps: PipelineDeps, call: OperationCall, facts: AuditedCall): Promise<unknown> {
  const { service, operation, caller, now } = call;
  const invalid = validateInput(service.model, operation, call.input, deps.relaxations?.patterns[service.name]);
  if (invalid) throw invalid;
  noteUse(deps.lastUsed, caller, now);
  // moto-based suites read a key's last use right after the call that used it.
  if (deps.relaxations?.syncLastUsed) await deps.lastUsed.flush();
  const ctx = callContext(call.requestId, caller, now, deps.authorizer, call.origin, (action, resource, decision) => {
    (facts.decisions ??= []).push(auditedDecision(action, resource, decision));
  });
  // Handlers see ARNs in the aws partition only; the caller sees them in its own (shared/partition.ts).
  const partition = partitionOf(caller.region);
  const arns = inputFromPartition(call.input, partition);
  if ('foreign' in arns) throw foreignPartition(service.name, arns.foreign);
  let output: unknown;
  try {
    output = valuesInPartition(await call.handler(arns.input as never, ctx), partition);
  } catch (err) {
    if (err instanceof AwsError) err.message = textInPartition(err.message, partition);
    throw err;
  }
  if (deps.checkOutputs) assertOutputFits(service, operation, output, deps.relaxations?.patterns[service.name]);
  facts.output = output;
  return output;
}

/** AWS's refusal of an ARN in another partition than the request's, in the service's own code. */
function foreignPartition(service: ServiceName, foreign: ForeignPartition): AwsError {
  const code = FOREIGN_PARTITION_CODE[service] ?? 'ValidationError';
  return new AwsError(code, `Partition "${foreign.partition}" is not valid for resource "${foreign.arn}".`, 400);
}

const FOREIGN_PARTITION_CODE: Partial<Record<ServiceName, string>> = {
  iam: 'InvalidInput',
  organizations: 'InvalidInputException',
  account: 'ValidationException',
};

/**
 * Key last-used is IAM's record of an access key (AKIA…): session keys (ASIA…, including a
 * console session's) are no access key IAM reports on, so only the service use is noted for them.
 */
function noteUse(lastUsed: LastUsedRecorder, caller: Caller, now: Date): void {
  if (caller.accessKeyId?.startsWith('AKIA')) lastUsed.record(caller.accessKeyId, now, caller.service, caller.region);
  // Unsigned callers (web identity before its token is checked) have no principal to credit yet.
  const p = caller.principal;
  if (p.accountId) lastUsed.recordService(p.accountId, p.arn, caller.service, now, caller.region);
}

/** A decision as the record keeps it. */
export function auditedDecision(action: string, resource: string, decision: Decision): AuditedDecision {
  return {
    action,
    resource,
    decision: decision.allowed ? 'Allowed' : decision.explicit ? 'ExplicitDeny' : 'ImplicitDeny',
    ...(decision.allowed ? {} : { denyingLayer: decision.layer }),
    matched: (decision.matched ?? []).map((m) => ({
      policyId: m.policyId,
      effect: m.effect,
      ...(m.sid !== undefined ? { sid: m.sid } : {}),
    })),
  };
}

/**
 * The call's record goes to the trail, and its outcome and time (since `started`, from
 * performance.now() at the door) to the metrics; a trail far behind makes the caller wait
 * (see AuditTrail.pressure).
 */
export function recordCall(
  deps: Pick<PipelineDeps, 'audit' | 'metrics'>,
  facts: AuditedCall,
  door: Door,
  started: number,
): Promise<void> | undefined {
  deps.metrics?.observe(door, facts, (performance.now() - started) / 1000);
  if (!deps.audit) return undefined;
  deps.audit.record(facts);
  return deps.audit.pressure();
}

/** An error that is not AWS's becomes AWS's generic 500, its cause kept for the log only. */
export function internalError(_err: unknown): AwsError {
  return new AwsError(
    'ServiceFailure',
    'The request processing has failed because of an unknown error, exception or failure.',
    500,
  );
}

/**
 * Where AWS's own answers break its model, Ward answers as AWS does: the root user has no UserName
 * or Path and its 12-digit account ID as UserId (GetUser, and the User of root's MFA device); SSH
 * key fingerprints are 47-character MD5 colon-hex; ReadOnlyAccess's URL-encoded document is over
 * the 131072-character document limit.
 */
const KNOWN_OUTPUT_GAPS = [
  /^GetUser:user\.(userName|path|userId)$/,
  /^ListVirtualMFADevices:virtualMFADevices\.\d+\.member\.user\.(userName|path|userId)$/,
  /^(Upload|Get|Update)SSHPublicKey:sSHPublicKey\.fingerprint$/,
  /^(GetPolicyVersion|ListPolicyVersions|GetAccountAuthorizationDetails):.*\.document$/,
];

function assertOutputFits(
  service: ServiceDef,
  operation: string,
  output: unknown,
  patterns?: Readonly<Record<string, string>>,
): void {
  const issues = collectOutputIssues(service.model, operation, output, patterns).filter(
    (i) => !KNOWN_OUTPUT_GAPS.some((gap) => gap.test(`${operation}:${i.path}`)),
  );
  if (issues.length > 0)
    throw new AwsError(
      'ServiceFailure',
      `${operation} output breaks the model: ${issues.map((i) => i.message).join('; ')}`,
      500,
    );
}
