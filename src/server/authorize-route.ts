import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { Authenticator } from '../auth/authenticate.js';
import { type Authorizer, accessDenied } from '../auth/authorizer.js';
import type { AuditHook, AuditedCall } from '../audit/trail.js';
import { AwsError } from '../shared/aws-error.js';
import { parseAuthorization } from '../sigv4/index.js';
import type { CallContext } from '../shared/call-context.js';
import { newRequestId } from '../shared/ids.js';
import { auditedDecision, authenticateRequest, recordCall } from './pipeline.js';
import { type AuthorizeAccess, type AuthorizeCaller, classifyAuthorizeCaller } from './authorize-caller.js';
import { refusedContextKey } from './authorize-context-keys.js';
import type { SimpleResponse } from './emulator-routes.js';
import type { CallMetrics } from './metrics/call-metrics.js';

/**
 * `POST /authorize`: another service of the platform hands Ward a SigV4-signed request exactly as
 * it received it, with the action, resource and condition keys it means to authorize. Ward
 * verifies the signature, names the principal and evaluates its policies, as for its own APIs.
 *
 * Whoever holds a request the user signed (a shared presigned URL is enough) could otherwise ask
 * what that user may do, so the endpoint answers only the platform (bearer token) or, when the
 * operator opts in, processes on this host; and only the platform hears which statements matched.
 */
const bodySchema = z.object({
  request: z.object({
    method: z.string().min(1),
    /** Path and query exactly as on the request line. */
    url: z.string().startsWith('/'),
    headers: z.union([z.array(z.tuple([z.string(), z.string()])), z.record(z.string(), z.string())]),
    /** Hex SHA-256 of the body; or the body itself, base64. */
    bodySha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/i)
      .optional(),
    body: z.string().optional(),
  }),
  action: z.string().regex(/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/, 'action must be service:Action'),
  resource: z.string().min(1),
  context: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  sourceIp: z.string().optional(),
  secureTransport: z.boolean().optional(),
});

export type AuthorizeBody = z.infer<typeof bodySchema>;

export interface AuthorizeDeps extends AuthorizeAccess {
  authenticator: Authenticator;
  authorizer: Authorizer;
  clock: () => Date;
  /** Every decision is recorded, as CloudTrail records the call it authorizes. */
  audit?: AuditHook;
  /** Decisions are counted and timed as calls of the `authorize` door. */
  metrics?: CallMetrics;
}

/** Who asked, as the edge saw it. */
export interface AuthorizeEdge {
  authorization: string | undefined;
  /** The socket's peer: only it decides whether the caller is this host (the loopback opt-in). */
  peer: string;
  /** The client's address (X-Forwarded-For from a trusted proxy): aws:SourceIp unless the platform asserts one. */
  clientIp: string;
  headerNames: readonly string[];
}

const json = (status: number, value: unknown): SimpleResponse => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(value),
});

const validationError = (message: string): SimpleResponse => json(400, { error: { code: 'ValidationError', message } });

/** What the body asserts beyond the signed request, checked against what this caller may assert. */
function refusedAssertion(parsed: AuthorizeBody, caller: AuthorizeCaller): string | undefined {
  const platform = caller.kind === 'platform';
  for (const key of Object.keys(parsed.context ?? {})) {
    const refused = refusedContextKey(key, platform);
    if (refused) return refused;
  }
  if (parsed.sourceIp !== undefined) {
    if (!platform) return 'sourceIp may only be asserted by a caller with the /authorize token.';
    if (isIP(parsed.sourceIp) === 0) return `sourceIp must be an IPv4 or IPv6 address, not '${parsed.sourceIp}'.`;
  }
  return undefined;
}

/**
 * `POST /authorize` through the pipeline: the caller's entitlement and body are checked here;
 * authentication, the evaluation and the record are the pipeline's, as for an API call.
 */
export async function authorizeRoute(body: Buffer, edge: AuthorizeEdge, deps: AuthorizeDeps): Promise<SimpleResponse> {
  const started = performance.now();
  const entitled = classifyAuthorizeCaller(deps, edge.authorization, edge.peer, edge.headerNames);
  if (entitled.kind === 'refused')
    return json(entitled.status, { error: { code: entitled.code, message: entitled.message } });
  let parsed: AuthorizeBody;
  try {
    parsed = bodySchema.parse(JSON.parse(body.toString('utf8')));
  } catch (err) {
    return validationError(
      err instanceof z.ZodError
        ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : 'The body must be JSON.',
    );
  }
  const refused = refusedAssertion(parsed, entitled);
  if (refused) return validationError(refused);
  const { request } = parsed;
  const headers = Array.isArray(request.headers) ? request.headers : Object.entries(request.headers);
  const q = request.url.indexOf('?');
  const payloadSha256Hex =
    request.bodySha256?.toLowerCase() ??
    createHash('sha256')
      .update(Buffer.from(request.body ?? '', 'base64'))
      .digest('hex');
  const now = deps.clock();
  const signed = {
    method: request.method,
    rawPath: q < 0 ? request.url : request.url.slice(0, q),
    rawQuery: q < 0 ? '' : request.url.slice(q + 1),
    headers,
    payloadSha256Hex,
  };
  const signature = parseAuthorization(signed);
  const sourceIp = parsed.sourceIp ?? edge.clientIp;
  const userAgent = headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '';
  const [service, operation] = splitAction(parsed.action);
  // Recorded as the call it authorizes: its service's event source and the action's name.
  const facts: AuditedCall = {
    requestId: newRequestId(),
    at: now,
    sourceIp,
    userAgent,
    service,
    operation,
    authorizeRequest: true,
  };
  if (signature.ok) Object.assign(facts, { accessKeyId: signature.auth.accessKeyId, region: signature.auth.region });
  try {
    const caller = await authenticateRequest(deps, signed, signature, now, facts);
    if ('unsigned' in caller) throw caller.unsigned;
    const call: CallContext = {
      requestId: facts.requestId,
      principal: caller.principal,
      ...(caller.accessKeyId ? { accessKeyId: caller.accessKeyId } : {}),
      region: caller.region,
      now,
      sourceIp,
      userAgent,
      secureTransport: parsed.secureTransport ?? false,
      authorize: async () => undefined,
    };
    const decision = await deps.authorizer.decide(call, parsed.action, parsed.resource, parsed.context);
    facts.decisions = [auditedDecision(parsed.action, parsed.resource, decision)];
    const p = caller.principal;
    const answer = {
      principal: {
        arn: p.arn,
        accountId: p.accountId,
        userId: p.userId,
        type: (
          { root: 'Root', user: 'IAMUser', 'assumed-role': 'AssumedRole', 'federated-user': 'FederatedUser' } as const
        )[p.kind],
      },
      accessKeyId: caller.accessKeyId,
      decision: decision.allowed ? 'Allowed' : decision.explicit ? 'ExplicitDeny' : 'ImplicitDeny',
      allowed: decision.allowed,
      ...(decision.allowed ? {} : { message: accessDenied(p, parsed.action, parsed.resource, decision).message }),
    };
    // The call /authorize answered succeeded (200); the call it authorized was denied, as its record says.
    if (!decision.allowed) facts.error = { code: 'AccessDenied', message: answer.message!, status: 403 };
    // Policy ARNs and Sids map out the principal's permissions: the platform's business only.
    return json(200, entitled.kind === 'platform' ? { ...answer, matchedStatements: decision.matched ?? [] } : answer);
  } catch (err) {
    facts.error =
      err instanceof AwsError
        ? { code: err.code, message: err.message, status: err.status }
        : {
            code: 'ServiceFailure',
            message: 'The request processing has failed because of an unknown error, exception or failure.',
            status: 500,
          };
    if (!(err instanceof AwsError)) throw err;
    return json(err.status === 400 ? 400 : 401, { error: { code: err.code, message: err.message } });
  } finally {
    void recordCall(deps, facts, 'authorize', started);
  }
}

/** `s3:GetObject` as its service and action name (the body's schema already checked the form). */
function splitAction(action: string): [string, string] {
  const colon = action.indexOf(':');
  return [action.slice(0, colon).toLowerCase(), action.slice(colon + 1)];
}
