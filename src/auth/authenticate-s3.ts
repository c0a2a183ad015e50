import { AwsError } from '../shared/aws-error.js';
import {
  type BodyPlan,
  type S3AuthKind,
  type SignedRequestHead,
  type SigningKeyCache,
  bodyPlanWithoutSeed,
  decodedContentLength,
  detectS3Auth,
  parseS3Authorization,
  parseSigV2,
  s3Errors,
  verifyS3Signature,
  verifySigV2,
} from '../sigv4/index.js';
import type { Caller } from './caller.js';
import type { EmulatorRelaxations } from '../shared/emulator-relaxations.js';
import { checkSessionToken } from './session-token.js';
import type { CredentialResolver, ResolvedCredential } from './credentials.js';

/** Options for {@link authenticateS3}. */
export interface S3AuthOptions {
  /** The bucket a virtual-hosted-style Host names (SigV2 signs it); undefined for path-style. */
  bucket?: string;
  /** Whether the operation takes an object body (PutObject, UploadPart); see VerifyS3Options. Default true. */
  allowStreaming?: boolean;
  /** The region a SigV2 caller is placed in (SigV2 names none). Default us-east-1. */
  region?: string;
}

/** An authenticated S3 request: who calls (none when anonymous), and how to verify its body as it streams. */
export interface S3Authentication {
  scheme: S3AuthKind;
  /** Undefined for an anonymous request (the gateway decides whether the operation allows one). */
  caller: Caller | undefined;
  /** Feed the body through `bodyVerifier(plan)`; see sigv4/payload.ts. */
  body: BodyPlan;
}

/** What authenticateS3 needs of the Authenticator (its resolver, key cache and emulator switches). */
export interface S3AuthContext {
  resolver: CredentialResolver;
  keyCache: SigningKeyCache;
  emulator?: EmulatorRelaxations;
}

/**
 * Authenticates an S3 request whose body is unread: SigV4 (header or presigned, S3's rules), SigV2
 * (header or presigned), or anonymous. Throws an AwsError with S3's code, message and status (an
 * `S3Error` with S3's detail elements where S3 adds them).
 */
export async function authenticateS3(
  ctx: S3AuthContext,
  req: SignedRequestHead,
  now: Date,
  opts: S3AuthOptions = {},
): Promise<S3Authentication> {
  const scheme = detectS3Auth(req);
  if (scheme === 'anonymous') return { scheme, caller: undefined, body: bodyPlanWithoutSeed(req.headers, true) };

  // moto's `/moto-api/reset-auth N`: N requests skip verification; until a count is set
  // (Infinity) unknown keys are let in as the default caller, and a known key is verified.
  const lenient = ctx.emulator !== undefined && ctx.emulator.noAuthRemaining > 0;
  const skip = lenient && Number.isFinite(ctx.emulator!.noAuthRemaining);
  if (skip) ctx.emulator!.noAuthRemaining -= 1;

  if (scheme === 'sigv2') {
    const auth = parseSigV2(req);
    const region = opts.region ?? 'us-east-1';
    const credential = await resolve(ctx, auth.accessKeyId);
    if (credential === undefined) {
      return {
        scheme,
        caller: emulatorCaller(ctx, auth.accessKeyId, region),
        body: bodyPlanWithoutSeed(req.headers, false),
      };
    }
    checkToken(credential, auth.securityToken, now);
    if (!skip) verifySigV2(req, auth, credential.key.secretAccessKey, { now, bucket: opts.bucket });
    checkLongTermKey(credential, auth.securityToken, auth.accessKeyId);
    const caller: Caller = { principal: credential.principal, accessKeyId: auth.accessKeyId, region, service: 's3' };
    return { scheme, caller, body: bodyPlanWithoutSeed(req.headers, false) };
  }

  const auth = parseS3Authorization(req);
  const credential = await resolve(ctx, auth.accessKeyId);
  const base = { accessKeyId: auth.accessKeyId, region: auth.region, service: auth.service };
  if (credential === undefined || skip) {
    // Emulator mode: what cannot be verified (unknown key, skipped check) is decoded unverified.
    const caller = credential === undefined ? emulatorCaller(ctx, auth.accessKeyId, auth.region) : undefined;
    const body = unverifiedPlan(req, auth.kind === 'header');
    if (credential === undefined) return { scheme, caller, body };
    checkToken(credential, auth.securityToken, now);
    return { scheme, caller: { principal: credential.principal, ...base }, body };
  }
  checkToken(credential, auth.securityToken, now);
  const body = verifyS3Signature(req, auth, credential.key.secretAccessKey, {
    now,
    cache: ctx.keyCache,
    allowStreaming: opts.allowStreaming,
  });
  checkLongTermKey(credential, auth.securityToken, auth.accessKeyId);
  return { scheme, caller: { principal: credential.principal, ...base }, body };
}

async function resolve(ctx: S3AuthContext, accessKeyId: string): Promise<ResolvedCredential | undefined> {
  let credential: ResolvedCredential | undefined;
  try {
    credential = await ctx.resolver.resolve(accessKeyId);
  } catch (e) {
    // A suspended account's keys are no keys at all (IAM's InvalidClientTokenId; S3's wording below).
    if (e instanceof AwsError && e.code === 'InvalidClientTokenId') throw s3Errors.invalidAccessKeyId(accessKeyId);
    throw e;
  }
  const lenient = ctx.emulator !== undefined && ctx.emulator.noAuthRemaining > 0;
  if (credential === undefined && !lenient) throw s3Errors.invalidAccessKeyId(accessKeyId);
  return credential;
}

/** Temporary credentials: the token must be the one issued with the key, and unexpired. */
function checkToken(credential: ResolvedCredential, token: string | undefined, now: Date): void {
  if (!credential.session) return;
  if (token === undefined) throw s3Errors.s3InvalidToken();
  const check = checkSessionToken(credential.session, token, now);
  if (check === 'invalid') throw s3Errors.s3InvalidToken();
  if (check === 'expired') throw s3Errors.s3ExpiredToken();
}

/** Long-term keys never come with a session token, and inactive keys sign nothing (S3: as unknown). */
function checkLongTermKey(credential: ResolvedCredential, token: string | undefined, accessKeyId: string): void {
  if (credential.session) return;
  if (token !== undefined) throw s3Errors.s3InvalidToken();
  if (credential.key.status !== 'Active') throw s3Errors.invalidAccessKeyId(accessKeyId);
}

/** moto's default caller (emulator mode), for a key Ward does not know. */
function emulatorCaller(ctx: S3AuthContext, accessKeyId: string, region: string): Caller {
  return { principal: ctx.emulator!.defaultCaller, accessKeyId, region, service: 's3' };
}

/** The body plan when the signature was not checked (emulator): signed chunks decoded unverified. */
function unverifiedPlan(req: SignedRequestHead, header: boolean): BodyPlan {
  const value = headerOf(req, 'x-amz-content-sha256');
  if (
    !header ||
    (value !== 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' && value !== 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER')
  ) {
    return bodyPlanWithoutSeed(req.headers, false);
  }
  const plan: BodyPlan = {
    kind: 'aws-chunked',
    payload: value,
    decodedContentLength: decodedContentLength(headerOf(req, 'x-amz-decoded-content-length')),
    unverifiedSignatures: true,
  };
  const trailer = headerOf(req, 'x-amz-trailer');
  if (trailer) plan.trailer = trailer;
  return plan;
}

function headerOf(req: SignedRequestHead, lowerName: string): string | undefined {
  return req.headers.find(([n]) => n.toLowerCase() === lowerName)?.[1]?.trim();
}
