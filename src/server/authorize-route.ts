import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Authenticator } from '../auth/authenticate.js';
import { type Authorizer, accessDenied } from '../auth/authorizer.js';
import { AwsError } from '../shared/aws-error.js';
import type { CallContext } from '../shared/call-context.js';
import { newRequestId } from '../shared/ids.js';
import type { SimpleResponse } from './emulator-routes.js';

/**
 * `POST /authorize`: another service of the platform hands Ward a SigV4-signed request exactly as
 * it received it, with the action, resource and condition keys it means to authorize. Ward
 * verifies the signature, names the principal and evaluates its policies, as for its own APIs.
 */
const bodySchema = z.object({
  request: z.object({
    method: z.string().min(1),
    /** Path and query exactly as on the request line. */
    url: z.string().startsWith('/'),
    headers: z.union([z.array(z.tuple([z.string(), z.string()])), z.record(z.string(), z.string())]),
    /** Hex SHA-256 of the body; or the body itself, base64. */
    bodySha256: z.string().regex(/^[0-9a-f]{64}$/i).optional(),
    body: z.string().optional(),
  }),
  action: z.string().regex(/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/, 'action must be service:Action'),
  resource: z.string().min(1),
  context: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  sourceIp: z.string().optional(),
  secureTransport: z.boolean().optional(),
});

export type AuthorizeBody = z.infer<typeof bodySchema>;

export interface AuthorizeDeps {
  authenticator: Authenticator;
  authorizer: Authorizer;
  clock: () => Date;
  /** When set, callers of /authorize must present `Authorization: Bearer <token>`. */
  token?: string;
}

const json = (status: number, value: unknown): SimpleResponse => ({ status, contentType: 'application/json', body: JSON.stringify(value) });

export async function authorizeRoute(body: Buffer, bearer: string | undefined, remoteAddress: string, deps: AuthorizeDeps): Promise<SimpleResponse> {
  if (deps.token !== undefined && bearer !== `Bearer ${deps.token}`) {
    return json(401, { error: { code: 'UnrecognizedClient', message: 'A valid bearer token is required to call /authorize.' } });
  }
  let parsed: AuthorizeBody;
  try {
    parsed = bodySchema.parse(JSON.parse(body.toString('utf8')));
  } catch (err) {
    const message = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'The body must be JSON.';
    return json(400, { error: { code: 'ValidationError', message } });
  }
  const { request } = parsed;
  const headers = Array.isArray(request.headers) ? request.headers : Object.entries(request.headers);
  const q = request.url.indexOf('?');
  const payloadSha256Hex =
    request.bodySha256?.toLowerCase() ?? createHash('sha256').update(Buffer.from(request.body ?? '', 'base64')).digest('hex');
  const now = deps.clock();
  try {
    const caller = await deps.authenticator.authenticate(
      { method: request.method, rawPath: q < 0 ? request.url : request.url.slice(0, q), rawQuery: q < 0 ? '' : request.url.slice(q + 1), headers, payloadSha256Hex },
      now,
    );
    if ('unsigned' in caller) throw caller.unsigned;
    const userAgent = headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '';
    const call: CallContext = {
      requestId: newRequestId(),
      principal: caller.principal,
      ...(caller.accessKeyId ? { accessKeyId: caller.accessKeyId } : {}),
      region: caller.region,
      now,
      sourceIp: parsed.sourceIp ?? remoteAddress,
      userAgent,
      secureTransport: parsed.secureTransport ?? false,
      authorize: async () => undefined,
    };
    const decision = await deps.authorizer.decide(call, parsed.action, parsed.resource, parsed.context);
    const p = caller.principal;
    return json(200, {
      principal: { arn: p.arn, accountId: p.accountId, userId: p.userId, type: ({ root: 'Root', user: 'IAMUser', 'assumed-role': 'AssumedRole', 'federated-user': 'FederatedUser' } as const)[p.kind] },
      accessKeyId: caller.accessKeyId,
      decision: decision.allowed ? 'Allowed' : decision.explicit ? 'ExplicitDeny' : 'ImplicitDeny',
      allowed: decision.allowed,
      matchedStatements: decision.matched ?? [],
      ...(decision.allowed ? {} : { message: accessDenied(p, parsed.action, parsed.resource, decision).message }),
    });
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    return json(err.status === 400 ? 400 : 401, { error: { code: err.code, message: err.message } });
  }
}
