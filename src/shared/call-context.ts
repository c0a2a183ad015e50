import type { Principal } from './principal.js';

/** What every handler knows about the call it serves. */
export interface CallContext {
  requestId: string;
  principal: Principal;
  /** The access key that signed the request, when it was signed. */
  accessKeyId?: string;
  region: string;
  now: Date;
  /** The client's address (aws:SourceIp). */
  sourceIp: string;
  userAgent: string;
  /** Whether the request came over TLS (aws:SecureTransport). */
  secureTransport: boolean;
  /** The request's Host header, when known (sts:AssumeRoot refuses the global endpoint). */
  host?: string;
  /**
   * Authorizes `action` on `resourceArn` as the caller; throws AccessDenied with AWS's
   * message when the policy evaluation says no. Handlers call it before they reveal anything.
   */
  authorize(
    action: string,
    resourceArn: string,
    context?: RequestConditionKeys,
    options?: AuthorizeOptions,
  ): Promise<void>;
}

/** Extra inputs for one authorization: the resource's own policy (a role's trust policy, for STS). */
export interface AuthorizeOptions {
  resourcePolicy?: { id: string; document: string; kind: 'trust' | 'resource' };
  /** The resource policy must allow even within its account: a KMS key policy (IAM policies alone grant nothing). */
  resourcePolicyRequired?: boolean;
  /** Replaces AWS's usual access-denied text (sts:AssumeRole names no policy layer). */
  deniedMessage?: string;
  /**
   * An allow the account grants by a setting rather than a policy (the password policy's
   * AllowUsersToChangePassword). It joins the identity-based layer, so explicit denies, SCPs,
   * the permissions boundary and the session rules still decide.
   */
  identityGrant?: { id: string; document: string };
  /**
   * The account that owns the resource when its ARN names none (an S3 bucket, as the gateway
   * knows it): same- or cross-account evaluation, the RCPs that bind, root's own resources.
   */
  resourceOwner?: string;
}

/** One operation's implementation: typed input in, typed output out, AwsError thrown on failure. */
export type OperationHandler<I, O> = (input: I, ctx: CallContext) => Promise<O>;

/** Condition keys an operation adds to the request context (iam:PolicyARN, aws:RequestTag/…, aws:TagKeys). */
export type RequestConditionKeys = Record<string, string | string[]>;
