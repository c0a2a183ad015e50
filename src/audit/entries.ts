import type { Principal } from '../shared/principal.js';
import type { StoredEvent } from './event-store.js';

/**
 * One call as the pipeline saw it, whatever became of it: the facts authentication and dispatch
 * learned, carried as data. The record is built from these alone (off the request thread), so
 * nothing here is re-derived from the request, and neither its signature nor its body is kept.
 */
export interface AuditedCall {
  requestId: string;
  at: Date;
  /** The client's address as the edge computed it (X-Forwarded-For only from a trusted proxy). */
  sourceIp: string;
  userAgent: string;
  /** The service's name; undefined when the request never named one Ward serves. */
  service?: string | undefined;
  operation?: string | undefined;
  /** The caller's region, or the region its signature's scope named when authentication failed. */
  region?: string | undefined;
  /** Who called; undefined when authentication failed or the call was unsigned. */
  principal?: Principal | undefined;
  /** The key that signed the request (also when it then failed to authenticate). */
  accessKeyId?: string | undefined;
  /** The decoded input (even when it then failed validation). */
  input?: unknown | undefined;
  output?: unknown | undefined;
  /** AWS's error code and message; `status` is the HTTP status it answered with (metrics tell client from server errors by it). */
  error?: { code: string; message: string; status?: number } | undefined;
  /** Each authorization the call asked for, in order: a call refused by policy ends with its denial. */
  decisions?: AuditedDecision[] | undefined;
  /** `POST /authorize`: a decision another service asked for, not an operation Ward ran. */
  authorizeRequest?: true | undefined;
  /** A call the gateway forwarded to a backend (or refused): what its record says beyond the rest. */
  gateway?: GatewayCallFacts | undefined;
}

/** What the record of a gateway call says beyond any call's facts. */
export interface GatewayCallFacts {
  /** `soft` forwards what IAM denies: the record keeps the would-be denial. */
  mode: 'enforce' | 'soft';
  /** The resources the call's IAM questions named (CloudTrail's `resources`). */
  resources: string[];
  readOnly: boolean;
  /** CloudTrail's data events (S3 objects, Lambda invocations, DynamoDB items…); the rest are management events. */
  dataEvent: boolean;
  /** Management events always; data events as the selectors pick them. */
  record: boolean;
  /** The backend's HTTP status, once it answered. */
  status?: number;
}

/** One authorization as the evaluation service decided it. */
export interface AuditedDecision {
  action: string;
  resource: string;
  decision: 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';
  /** The policy layer that denied (identity, resource, boundary, session, scp). */
  denyingLayer?: string;
  matched: Array<{ policyId: string; sid?: string; effect: 'Allow' | 'Deny' }>;
}

/** A call still to be built into its record, or a record built already (a sign-in). */
export type AuditEntry = AuditedCall | StoredEvent;

/**
 * The events AWS records under signin.amazonaws.com (eventType AwsConsoleSignIn): a console
 * sign-in, and the root user's password change and recovery, which have no API of their own.
 */
export type SignInEventName =
  'ConsoleLogin' | 'PasswordUpdated' | 'PasswordRecoveryRequested' | 'PasswordRecoveryCompleted';

/** A console sign-in or a root password event (the console and account/ call this; ConsoleLogin by default). */
export interface SignIn {
  /** Absent: ConsoleLogin. */
  eventName?: SignInEventName;
  at: Date;
  accountId: string;
  /** The signed-in (or attempted) principal; undefined when the user name was unknown. */
  principal?: Principal;
  userName?: string;
  sourceIp: string;
  userAgent: string;
  success: boolean;
  mfaUsed: boolean;
  errorMessage?: string;
}
