import { type JsonWebKey, createPublicKey, verify } from 'node:crypto';
import { compileDocument, evaluatePolicies } from '../auth/policy-evaluation.js';
import { AwsError } from '../shared/aws-error.js';

/**
 * Where the keys that verify an OIDC issuer's tokens come from. Ward cannot fetch an issuer's
 * `jwks_uri`, so the server reads `<dir>/<issuer>.json` (WARD_OIDC_JWKS_DIR; `<issuer>` is the
 * provider URL without `https://`, with `/` as `_`), a JWKS document `{"keys":[…]}`.
 */
export interface JwksSource {
  keysFor(issuerPath: string): Promise<JsonWebKey[] | undefined>;
}

/**
 * The OIDC providers AssumeRoleWithWebIdentity reads: IAM owns them (iam/oidc-provider-store.ts);
 * web identity needs only a provider's issuer URL and its client IDs (the token's audiences).
 */
export interface WebIdentityProviders {
  get(arn: string): Promise<{ url: string; clientIds: string[] } | undefined>;
}

export const invalidIdentityToken = (message: string): AwsError => new AwsError('InvalidIdentityToken', message, 400);

export interface JwtClaims {
  iss: string;
  sub?: string;
  aud: string[];
  amr: string[];
  exp?: number;
  nbf?: number;
  raw: Record<string, unknown>;
}

function b64json(part: string): Record<string, unknown> {
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw invalidIdentityToken("Couldn't parse the web identity token.");
}

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Reads a JWT's header and claims without trusting them yet. */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  claims: JwtClaims;
  signed: string;
  signature: Buffer;
} {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalidIdentityToken("Couldn't parse the web identity token.");
  const header = b64json(parts[0]!);
  const raw = b64json(parts[1]!);
  if (typeof raw.iss !== 'string') throw invalidIdentityToken('The web identity token has no issuer.');
  const claims: JwtClaims = {
    iss: raw.iss,
    aud: strings(raw.aud),
    amr: strings(raw.amr),
    raw,
    ...(typeof raw.sub === 'string' ? { sub: raw.sub } : {}),
    ...(typeof raw.exp === 'number' ? { exp: raw.exp } : {}),
    ...(typeof raw.nbf === 'number' ? { nbf: raw.nbf } : {}),
  };
  return { header, claims, signed: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, 'base64url') };
}

/** Verifies an RS256 signature against the JWKS (the key named by `kid`, else any RSA key). */
export function verifyRs256(jwt: ReturnType<typeof decodeJwt>, keys: JsonWebKey[]): boolean {
  if (jwt.header.alg !== 'RS256') return false;
  const kid = jwt.header.kid;
  const candidates = keys.filter((k) => k.kty === 'RSA' && (kid === undefined || (k as { kid?: unknown }).kid === kid));
  for (const jwk of candidates) {
    try {
      if (verify('RSA-SHA256', Buffer.from(jwt.signed), createPublicKey({ key: jwk, format: 'jwk' }), jwt.signature))
        return true;
    } catch {
      // a malformed key verifies nothing
    }
  }
  return false;
}

/**
 * Evaluates a role's trust policy for a federated (web identity) caller: only the trust policy
 * applies, and it must name the provider (`Principal: {"Federated": ARN}`).
 */
export function trustAllowsFederated(
  trustDocument: string,
  providerArn: string,
  roleArn: string,
  account: string,
  action: string,
  context: Record<string, string | string[]>,
): boolean {
  const trust = compileDocument({ id: `${roleArn}#trust`, document: trustDocument }, 'trust');
  if (!trust.ok) return false;
  // The role is in the provider's account: the trust policy alone decides (a trust policy must allow even there).
  const result = evaluatePolicies({
    action,
    resource: roleArn,
    principalArn: providerArn,
    principalAccount: account,
    resourceOwner: account,
    context,
    identity: [],
    resourcePolicy: trust.policy,
  });
  return result.decision === 'allowed';
}
