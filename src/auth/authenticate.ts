import {
  type IncomingSignedRequest,
  type ParseAuthorizationResult,
  type SignedRequestHead,
  type SigningKeyCache,
  parseAuthorization,
  verifySignature,
} from '../sigv4/index.js';
import { AwsError } from '../shared/aws-error.js';
import type { CredentialResolver } from './credentials.js';
import type { Caller } from './caller.js';
import type { EmulatorRelaxations } from '../shared/emulator-relaxations.js';
import { checkSessionToken } from './session-token.js';
import { authenticateS3, type S3AuthOptions, type S3Authentication } from './authenticate-s3.js';

export type { Caller } from './caller.js';
export { checkSessionToken, sessionTokenHash } from './session-token.js';
export type { S3AuthOptions, S3Authentication } from './authenticate-s3.js';

/** A request with no authentication at all, and the error to answer if its operation needs one. */
export interface Unsigned {
  unsigned: AwsError;
}

export const expiredToken = (): AwsError =>
  new AwsError('ExpiredToken', 'The security token included in the request is expired', 403);

export const invalidToken = (): AwsError =>
  new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);

export class Authenticator {
  constructor(
    private readonly resolver: CredentialResolver,
    private readonly keyCache: SigningKeyCache,
    private readonly emulator?: EmulatorRelaxations,
  ) {}

  /**
   * Verifies the request's SigV4 signature and names its caller. Returns undefined for a
   * request that carries no authentication at all, so an operation that AWS serves
   * unsigned (AssumeRoleWithWebIdentity) can still proceed; others refuse it.
   */
  authenticate(req: IncomingSignedRequest, now: Date): Promise<Caller | Unsigned> {
    return this.authenticateParsed(req, parseAuthorization(req), now);
  }

  /**
   * Authenticates an S3 request whose body is unread (SigV4 with S3's rules, SigV2, or anonymous),
   * answering S3's errors; the returned body plan says how to verify the body as it streams.
   */
  authenticateS3(req: SignedRequestHead, now: Date, opts?: S3AuthOptions): Promise<S3Authentication> {
    return authenticateS3(
      { resolver: this.resolver, keyCache: this.keyCache, emulator: this.emulator },
      req,
      now,
      opts,
    );
  }

  /** As `authenticate`, for a request whose Authorization the caller parsed already (the pipeline keeps its key and scope). */
  async authenticateParsed(
    req: IncomingSignedRequest,
    parsed: ParseAuthorizationResult,
    now: Date,
  ): Promise<Caller | Unsigned> {
    if (!parsed.ok) {
      const error = new AwsError(parsed.code, parsed.message, parsed.status);
      if (parsed.code === 'MissingAuthenticationToken') return { unsigned: error };
      throw error;
    }
    const auth = parsed.auth;
    // moto's `/moto-api/reset-auth N`: the next N requests skip verification, then it is enforced.
    // Until a count is set (Infinity) unknown keys are still let in, but a known key is verified.
    const lenient = this.emulator !== undefined && this.emulator.noAuthRemaining > 0;
    const skip = lenient && Number.isFinite(this.emulator.noAuthRemaining);
    if (skip) this.emulator.noAuthRemaining -= 1;

    const credential = await this.resolver.resolve(auth.accessKeyId);
    if (!credential) {
      // moto's server accepts any key as its default caller, `user/moto` with full rights.
      if (lenient) return { principal: this.emulator.defaultCaller, region: auth.region, service: auth.service };
      throw invalidToken();
    }
    if (credential.session) {
      // Temporary credentials: the token must be the one issued with the key, and unexpired.
      const token = auth.securityToken;
      if (token === undefined) throw invalidToken();
      const check = checkSessionToken(credential.session, token, now);
      if (check === 'invalid') throw invalidToken();
      if (check === 'expired') throw expiredToken();
      if (!skip) {
        const verdict = verifySignature(req, auth, credential.key.secretAccessKey, { now, cache: this.keyCache });
        if (!verdict.ok) throw new AwsError(verdict.code, verdict.message, verdict.status);
      }
      return {
        principal: credential.principal,
        accessKeyId: auth.accessKeyId,
        region: auth.region,
        service: auth.service,
      };
    }
    if (!skip) {
      const verdict = verifySignature(req, auth, credential.key.secretAccessKey, { now, cache: this.keyCache });
      if (!verdict.ok) throw new AwsError(verdict.code, verdict.message, verdict.status);
    }
    // Long-term keys never come with a session token, and inactive keys sign nothing.
    if (credential.key.status !== 'Active' || auth.securityToken !== undefined) throw invalidToken();
    return {
      principal: credential.principal,
      accessKeyId: auth.accessKeyId,
      region: auth.region,
      service: auth.service,
    };
  }
}
