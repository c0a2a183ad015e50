import { randomUUID } from 'node:crypto';
import { accountIdFromAccessKeyId } from '../shared/ids.js';
import type { Principal } from '../shared/principal.js';
import type { ServiceModel } from '../wire/model.js';
import type { AuditEntry, AuditedCall, AuditedDecision, SignIn } from './entries.js';
import type { EventResource, StoredEvent } from './event-store.js';
import { redact } from './redact.js';
import { gatewayResources } from './resource-types.js';

/** A service's model by name, for redacting inputs and outputs by their shapes. */
export type ModelOf = (service: string) => ServiceModel | undefined;

const SOURCES: Record<string, string> = {
  iam: 'iam.amazonaws.com',
  sts: 'sts.amazonaws.com',
  organizations: 'organizations.amazonaws.com',
  account: 'account.amazonaws.com',
  cloudtrail: 'cloudtrail.amazonaws.com',
};

const READ_ONLY = /^(Get|List|Describe|Lookup|Simulate)/;

/** Input members that name resources, with the CloudTrail resource type they name. */
const RESOURCE_MEMBERS: [string, string][] = [
  ['UserName', 'AWS::IAM::User'],
  ['GroupName', 'AWS::IAM::Group'],
  ['RoleName', 'AWS::IAM::Role'],
  ['RoleArn', 'AWS::IAM::Role'],
  ['PolicyArn', 'AWS::IAM::Policy'],
  ['PolicyName', 'AWS::IAM::Policy'],
  ['AccessKeyId', 'AWS::IAM::AccessKey'],
  ['InstanceProfileName', 'AWS::IAM::InstanceProfile'],
  ['SerialNumber', 'AWS::IAM::MFADevice'],
  ['AccountId', 'AWS::Organizations::Account'],
];

interface Identity {
  record: Record<string, unknown>;
  accountId?: string;
  username?: string;
}

function identityOf(principal: Principal, accessKeyId: string | undefined): Identity {
  const key = accessKeyId ? { accessKeyId } : {};
  const session = principal.session;
  const attributes = session
    ? { attributes: { creationDate: session.issuedAt.toISOString(), mfaAuthenticated: String(session.mfaPresent) } }
    : undefined;
  switch (principal.kind) {
    case 'root':
      return {
        record: {
          type: 'Root',
          principalId: principal.accountId,
          arn: principal.arn,
          accountId: principal.accountId,
          ...key,
          ...(attributes ? { sessionContext: attributes } : {}),
        },
        accountId: principal.accountId,
        username: 'root',
      };
    case 'user':
      return {
        record: {
          type: 'IAMUser',
          principalId: principal.userId,
          arn: principal.arn,
          accountId: principal.accountId,
          ...key,
          userName: principal.userName,
          ...(attributes ? { sessionContext: attributes } : {}),
        },
        accountId: principal.accountId,
        username: principal.userName,
      };
    case 'assumed-role':
      return {
        record: {
          type: 'AssumedRole',
          principalId: principal.userId,
          arn: principal.arn,
          accountId: principal.accountId,
          ...key,
          sessionContext: {
            sessionIssuer: {
              type: 'Role',
              principalId: principal.roleId,
              arn: principal.roleArn,
              accountId: principal.accountId,
              userName: principal.roleName,
            },
            ...attributes,
          },
        },
        accountId: principal.accountId,
        username: principal.sessionName,
      };
    case 'federated-user':
      return {
        record: {
          type: 'FederatedUser',
          principalId: principal.userId,
          arn: principal.arn,
          accountId: principal.accountId,
          ...key,
          sessionContext: { ...attributes },
        },
        accountId: principal.accountId,
        username: principal.federatedName,
      };
  }
}

/**
 * The caller of an unsigned AssumeRoleWithSAML / AssumeRoleWithWebIdentity, as CloudTrail names it
 * (`SAMLUser`, `WebIdentityUser`) from what the call established; the event belongs to the role's
 * account. Undefined for any other call.
 */
function federatedIdentity(call: AuditedCall): Identity | undefined {
  if (call.principal?.arn !== 'anonymous') return undefined;
  const input = (call.input ?? {}) as { RoleArn?: unknown };
  const accountId = /^arn:aws:iam::(\d{12}):/.exec(typeof input.RoleArn === 'string' ? input.RoleArn : '')?.[1];
  const out = (call.error ? {} : (call.output ?? {})) as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  if (call.operation === 'AssumeRoleWithSAML') {
    const [subject, qualifier] = [text(out.Subject), text(out.NameQualifier)];
    return {
      record: {
        type: 'SAMLUser',
        principalId: subject && qualifier ? `${qualifier}:${subject}` : '',
        ...(subject ? { userName: subject } : {}),
        ...(qualifier ? { identityProvider: qualifier } : {}),
      },
      ...(accountId ? { accountId } : {}),
      ...(subject ? { username: subject } : {}),
    };
  }
  if (call.operation === 'AssumeRoleWithWebIdentity') {
    const [subject, provider, audience] = [
      text(out.SubjectFromWebIdentityToken),
      text(out.Provider),
      text(out.Audience),
    ];
    return {
      record: {
        type: 'WebIdentityUser',
        principalId: provider && audience && subject ? `${provider}:${audience}:${subject}` : '',
        ...(subject ? { userName: subject } : {}),
        ...(provider ? { identityProvider: provider } : {}),
      },
      ...(accountId ? { accountId } : {}),
      ...(subject ? { username: subject } : {}),
    };
  }
  return undefined;
}

function unknownIdentity(call: AuditedCall, defaultAccountId: string): Identity {
  const keyId = call.accessKeyId;
  const accountId = (keyId && accountIdFromAccessKeyId(keyId)) ?? defaultAccountId;
  return {
    record: { type: 'AWSAccount', principalId: '', accountId, ...(keyId ? { accessKeyId: keyId } : {}) },
    accountId,
  };
}

/** Read-only calls and failures record no response elements, as CloudTrail. */
export const keepsOutput = (call: AuditedCall): boolean =>
  call.output !== undefined && !call.error && !READ_ONLY.test(call.operation ?? '');

/** Records for a batch as the trail buffered it; an entry that cannot be built is reported and skipped. */
export function buildEvents(
  batch: readonly AuditEntry[],
  defaultAccountId: string,
  modelOf: ModelOf,
  onError: (err: unknown) => void,
): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (const entry of batch) {
    if ('record' in entry) {
      out.push(entry);
      continue;
    }
    try {
      out.push(buildApiEvent(entry, defaultAccountId, modelOf));
    } catch (err) {
      onError(err);
    }
  }
  return out;
}

export function buildApiEvent(call: AuditedCall, defaultAccountId: string, modelOf: ModelOf): StoredEvent {
  const identity =
    federatedIdentity(call) ??
    (call.principal ? identityOf(call.principal, call.accessKeyId) : unknownIdentity(call, defaultAccountId));
  const accountId = identity.accountId ?? defaultAccountId;
  const operation = call.operation ?? 'Unknown';
  const serviceName = call.service ?? 'iam';
  const gateway = call.gateway;
  // An /authorize decision has no Ward model: its input is not an operation's; nor has a gateway call.
  const model = call.service === undefined || call.authorizeRequest || gateway ? undefined : modelOf(call.service);
  const op =
    model && call.operation && Object.hasOwn(model.operations, call.operation)
      ? model.operations[call.operation]
      : undefined;
  const readOnly = gateway ? gateway.readOnly : READ_ONLY.test(operation);
  const region = call.region ?? 'us-east-1';
  const accessKeyId = typeof identity.record.accessKeyId === 'string' ? identity.record.accessKeyId : undefined;
  const eventId = timeOrderedUuid(call.at);
  const requestParameters =
    call.input === undefined || call.authorizeRequest || gateway ? null : redact(model, op?.input?.shape, call.input);
  const responseElements = keepsOutput(call) ? redact(model, op?.output?.shape, call.output) : null;
  const additionalEventData = authorizationData(call);
  const record = {
    eventVersion: '1.08',
    userIdentity: identity.record,
    eventTime: cloudTrailTime(call.at),
    eventSource: SOURCES[serviceName] ?? `${serviceName}.amazonaws.com`,
    eventName: operation,
    awsRegion: region,
    sourceIPAddress: call.sourceIp,
    userAgent: call.userAgent,
    ...(call.error ? { errorCode: call.error.code, errorMessage: call.error.message } : {}),
    requestParameters,
    responseElements,
    ...(additionalEventData ? { additionalEventData } : {}),
    requestID: call.requestId,
    eventID: eventId,
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: !gateway?.dataEvent,
    recipientAccountId: accountId,
    eventCategory: gateway?.dataEvent ? 'Data' : 'Management',
  };
  return {
    eventId,
    eventTime: call.at.toISOString(),
    accountId,
    eventName: operation,
    eventSource: record.eventSource,
    ...(identity.username !== undefined ? { username: identity.username } : {}),
    ...(accessKeyId ? { accessKeyId } : {}),
    // An /authorize resource is any service's ARN, of no CloudTrail resource type Ward can name: it is in additionalEventData.
    resources: gateway ? gatewayResources(gateway.resources) : call.authorizeRequest ? [] : resourcesOf(call.input),
    readOnly,
    record: JSON.stringify(record),
  };
}

/**
 * How the call was authorized, as the evaluation service decided it: each action and resource
 * asked about, the decision, the layer that denied and the statements that matched. An
 * `/authorize` call says so (`AuthorizationSource`): Ward decided, another service served it.
 */
function authorizationData(call: AuditedCall): Record<string, unknown> | undefined {
  if (!call.decisions?.length && !call.authorizeRequest && !call.gateway) return undefined;
  return {
    ...(call.authorizeRequest ? { AuthorizationSource: 'POST /authorize' } : {}),
    ...(call.gateway
      ? {
          AuthorizationSource: 'gateway',
          GatewayMode: call.gateway.mode,
          ...(call.gateway.status !== undefined ? { BackendStatus: call.gateway.status } : {}),
        }
      : {}),
    Authorizations: (call.decisions ?? []).map(authorizationOf),
  };
}

function authorizationOf(d: AuditedDecision): Record<string, unknown> {
  return {
    Action: d.action,
    Resource: d.resource,
    Decision: d.decision,
    ...(d.denyingLayer !== undefined ? { DenyingLayer: d.denyingLayer } : {}),
    MatchedStatements: d.matched.map((m) => ({
      PolicyId: m.policyId,
      ...(m.sid !== undefined ? { Sid: m.sid } : {}),
      Effect: m.effect,
    })),
  };
}

export function buildSignInEvent(s: SignIn): StoredEvent {
  const identity: Identity = s.principal
    ? identityOf(s.principal, undefined)
    : {
        record: {
          type: 'IAMUser',
          principalId: '',
          accountId: s.accountId,
          ...(s.userName ? { userName: s.userName } : {}),
        },
        accountId: s.accountId,
        ...(s.userName ? { username: s.userName } : {}),
      };
  const eventId = timeOrderedUuid(s.at);
  const eventName = s.eventName ?? 'ConsoleLogin';
  const record = {
    eventVersion: '1.08',
    userIdentity: identity.record,
    eventTime: cloudTrailTime(s.at),
    eventSource: 'signin.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: s.sourceIp,
    userAgent: s.userAgent,
    ...(s.success ? {} : { errorMessage: s.errorMessage ?? 'Failed authentication' }),
    requestParameters: null,
    // AWS answers each sign-in event under its own name: { "PasswordUpdated": "Success" }.
    responseElements: { [eventName]: s.success ? 'Success' : 'Failure' },
    ...(eventName === 'ConsoleLogin' ? { additionalEventData: { MFAUsed: s.mfaUsed ? 'Yes' : 'No' } } : {}),
    eventID: eventId,
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: s.accountId,
    eventCategory: 'Management',
  };
  return {
    eventId,
    eventTime: s.at.toISOString(),
    accountId: s.accountId,
    eventName,
    eventSource: 'signin.amazonaws.com',
    ...(identity.username !== undefined ? { username: identity.username } : {}),
    resources: [],
    readOnly: false,
    record: JSON.stringify(record),
  };
}

function resourcesOf(input: unknown): EventResource[] {
  if (!input || typeof input !== 'object') return [];
  const fields = input as Record<string, unknown>;
  const out: EventResource[] = [];
  for (const [member, type] of RESOURCE_MEMBERS) {
    const v = fields[member];
    if (typeof v === 'string' && v !== '') out.push({ type, name: v });
  }
  return out;
}

/**
 * A UUIDv7 (RFC 9562): the event time's 48-bit Unix milliseconds, then 74 random bits. Events are
 * keyed by their ID; a random (v4) key lands each insert on a random page of the primary-key index,
 * so every batch dirtied a page per event and the write cost grew with the table. Time-ordered
 * keys append to the index's right edge instead.
 */
export function timeOrderedUuid(at: Date): string {
  const ms = Math.min(Math.max(at.getTime(), 0), 0xffff_ffff_ffff) || 0;
  const hex = ms.toString(16).padStart(12, '0');
  // randomUUID's version digit sits at index 14: keep its random digits after it, variant included.
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7${randomUUID().slice(15)}`;
}

/** CloudTrail writes event times to the second: 2026-11-23T10:47:17Z. */
const cloudTrailTime = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;
