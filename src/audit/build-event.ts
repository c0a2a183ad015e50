import type { Principal } from '../shared/principal.js';
import type { ServiceModel } from '../wire/model.js';
import type { AuditEntry, AuditedCall, AuditedDecision, SignIn } from './entries.js';
import type { EventResource, StoredEvent } from './event-store.js';
import { type RecordParts, type RecordTemplate, cloudTrailTime, joinRecord, member } from './record-parts.js';
import { timeOrderedUuid } from './event-id.js';
import { redact } from './redact.js';
import { gatewayResources } from './resource-types.js';
import { type Identity, identityOf, unknownIdentity } from './user-identity.js';
import { partitionOf, textInPartition, valuesInPartition } from '../shared/partition.js';

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
  const templates = new TemplateCache();
  for (const entry of batch) {
    if ('record' in entry) {
      out.push(entry);
      continue;
    }
    try {
      out.push(buildApiEvent(entry, defaultAccountId, modelOf, templates));
    } catch (err) {
      onError(err);
    }
  }
  return out;
}

interface SerializedIdentity {
  json: string;
  accountId: string | undefined;
  username: string | undefined;
  accessKeyId: string | undefined;
  /** The templates of this identity's calls, by the rest of their context (templateOf). */
  templates: Map<string, Map<string, TemplateEntry[]>>;
}

/**
 * The parts of records that repeat within a batch, serialized once each: a principal's
 * userIdentity, and the template of its calls with the same operation, region and client.
 * A batch's calls share decoded principal objects (portable-batch.ts), so they key the cache;
 * the same template object across a batch's calls also lets a store find its row cheaply.
 */
export class TemplateCache {
  readonly #identities = new WeakMap<Principal, Map<string, SerializedIdentity>>();

  identity(principal: Principal, accessKeyId: string | undefined): SerializedIdentity {
    let byKey = this.#identities.get(principal);
    if (!byKey) this.#identities.set(principal, (byKey = new Map<string, SerializedIdentity>()));
    let found = byKey.get(accessKeyId ?? '');
    if (!found) byKey.set(accessKeyId ?? '', (found = serialized(identityOf(principal, accessKeyId))));
    return found;
  }
}

function serialized(identity: Identity): SerializedIdentity {
  const key = identity.record.accessKeyId;
  return {
    json: JSON.stringify(identity.record),
    accountId: identity.accountId,
    username: identity.username,
    accessKeyId: typeof key === 'string' && key !== '' ? key : undefined,
    templates: new Map(),
  };
}

interface TemplateEntry {
  eventSource: string;
  region: string;
  sourceIp: string;
  /** A gateway call's read-only and data-event flags are its own, not its operation name's. */
  readOnly: boolean;
  dataEvent: boolean;
  template: RecordTemplate;
}

/**
 * The identity's template for this call's operation, region and client, if built already. By
 * user agent, then operation: a batch's calls share its user agent strings, whose hash V8 keeps.
 */
function templateOf(
  identity: SerializedIdentity,
  operation: string,
  eventSource: string,
  region: string,
  call: AuditedCall,
  readOnly: boolean,
  dataEvent: boolean,
): RecordTemplate | undefined {
  let byOperation = identity.templates.get(call.userAgent);
  if (!byOperation) identity.templates.set(call.userAgent, (byOperation = new Map<string, TemplateEntry[]>()));
  let entries = byOperation.get(operation);
  if (!entries) byOperation.set(operation, (entries = []));
  for (const e of entries) {
    if (
      e.eventSource === eventSource &&
      e.region === region &&
      e.sourceIp === call.sourceIp &&
      e.readOnly === readOnly &&
      e.dataEvent === dataEvent
    )
      return e.template;
  }
  return undefined;
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

export function buildApiEvent(
  call: AuditedCall,
  defaultAccountId: string,
  modelOf: ModelOf,
  cache: TemplateCache = new TemplateCache(),
): StoredEvent {
  const federated = federatedIdentity(call);
  const identity = federated
    ? serialized(federated)
    : call.principal
      ? cache.identity(call.principal, call.accessKeyId)
      : serialized(unknownIdentity(call, defaultAccountId));
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
  const dataEvent = gateway?.dataEvent === true;
  const region = call.region ?? 'us-east-1';
  const eventSource = SOURCES[serviceName] ?? `${serviceName}.amazonaws.com`;
  const timeMs = call.at.getTime();
  if (!Number.isFinite(timeMs)) throw new RangeError(`audited call ${call.requestId} has an invalid time`);
  const eventId = timeOrderedUuid(call.at);
  const requestParameters =
    call.input === undefined || call.authorizeRequest || gateway ? null : redact(model, op?.input?.shape, call.input);
  const responseElements = keepsOutput(call) ? redact(model, op?.output?.shape, call.output) : null;
  // The record shows the ARNs the caller saw: a call signed for cn-north-1 is in aws-cn.
  const partition = partitionOf(region);
  const additionalEventData = valuesInPartition(authorizationData(call), partition);
  // The record's members in CloudTrail's order (record-parts.ts): what varies per call is `rest`.
  let template = templateOf(identity, operation, eventSource, region, call, readOnly, dataEvent);
  if (!template) {
    template = {
      head: `{"eventVersion":"1.08","userIdentity":${textInPartition(identity.json, partition)},"eventTime":"`,
      mid:
        `"${member('eventSource', eventSource)}${member('eventName', operation)}${member('awsRegion', region)}` +
        `${member('sourceIPAddress', call.sourceIp)}${member('userAgent', call.userAgent)}`,
      tail:
        `${member('readOnly', readOnly)},"eventType":"AwsApiCall"${member('managementEvent', !dataEvent)}` +
        `${member('recipientAccountId', accountId)}${member('eventCategory', dataEvent ? 'Data' : 'Management')}}`,
    };
    identity.templates
      .get(call.userAgent)!
      .get(operation)!
      .push({ eventSource, region, sourceIp: call.sourceIp, readOnly, dataEvent, template });
  }
  const rest =
    (call.error ? member('errorCode', call.error.code) + member('errorMessage', call.error.message) : '') +
    member('requestParameters', requestParameters) +
    member('responseElements', responseElements) +
    (additionalEventData ? member('additionalEventData', additionalEventData) : '') +
    member('requestID', call.requestId);
  return new BuiltApiEvent(
    eventId,
    accountId,
    operation,
    eventSource,
    identity.username,
    identity.accessKeyId,
    // An /authorize resource is any service's ARN, of no CloudTrail resource type Ward can name: it is in additionalEventData.
    gateway ? gatewayResources(gateway.resources) : call.authorizeRequest ? [] : resourcesOf(call.input),
    readOnly,
    { template, timeMs, rest },
  );
}

/**
 * A record just built, kept in its parts: its text and ISO time are made only when read (the
 * PostgreSQL store reads them; the SQLite trail stores the parts). Not for copying by spread.
 */
class BuiltApiEvent implements StoredEvent {
  constructor(
    readonly eventId: string,
    readonly accountId: string,
    readonly eventName: string,
    readonly eventSource: string,
    readonly username: string | undefined,
    readonly accessKeyId: string | undefined,
    readonly resources: EventResource[],
    readonly readOnly: boolean,
    readonly parts: RecordParts,
  ) {}

  get eventTime(): string {
    return new Date(this.parts.timeMs).toISOString();
  }

  get record(): string {
    return joinRecord(this.parts, this.eventId);
  }
}

/**
 * How the call was authorized, as the evaluation service decided it: each action and resource
 * asked about, the decision, the layer that denied and the statements that matched. An
 * `/authorize` call says so (`AuthorizationSource`): Ward decided, another service served it; so
 * does a gateway call, with its mode (soft mode's would-be denials) and the backend's status.
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
  if (!input || typeof input !== 'object') return NO_RESOURCES;
  const fields = input as Record<string, unknown>;
  let out: EventResource[] | undefined;
  for (const [member, type] of RESOURCE_MEMBERS) {
    const v = fields[member];
    if (typeof v === 'string' && v !== '') (out ??= []).push({ type, name: v });
  }
  return out ?? NO_RESOURCES;
}

/** Most calls name no resource: one shared empty list (frozen: no one adds to it). */
const NO_RESOURCES = Object.freeze([]) as unknown as EventResource[];
