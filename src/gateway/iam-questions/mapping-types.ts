import type { Precision } from './types.js';

/**
 * The declarative shape of a service's mapping (services/*.ts): which input members fill which
 * ARN template variables, and where AWS's questions differ from "one action named like the
 * operation, on the resource the SAR lists". Code per identifier form (identifiers.ts), none per
 * operation.
 */

/** How a member's value names a resource (identifiers.ts). */
export type IdentifierForm =
  | 'name'
  | 'name-or-arn'
  | 's3-bucket'
  | 'sqs-queue-url'
  | 'sns-subscription-arn'
  | 'kms-key'
  | 'kms-alias'
  | 'lambda-function'
  | 'secret-id'
  | 'ssm-parameter'
  | 'logs-group-name'
  | 'logs-group-identifier'
  | 'dynamodb-stream-arn';

/** A member (dotted path; `$…` members are the service's derived ones) bound to a template variable. */
export interface Source {
  member: string;
  /** The template variable a plain name fills (`BucketName`); ARNs fill the whole template. */
  as?: string;
  form?: IdentifierForm;
  /** Used when the member is absent (EventBridge's `default` bus). */
  default?: string;
}

export type When =
  { has: string } | { missing: string } | { equals: readonly [string, string] } | { all: When[] } | { any: When[] };

/** One IAM question an operation asks (or one per element of a list or map). */
export interface QuestionSpec {
  /** The SAR action name, without the prefix. */
  action: string;
  when?: When;
  /**
   * Ask once per element of this member: a list (each element merged over the input) or a map
   * (its key bound as `mapKeyAs`). `pick` descends into one member of each element and skips
   * elements without it (DynamoDB's TransactItems: `Put`, `Update`…).
   */
  each?: { path: string; mapKeyAs?: string; pick?: string };
  /** Sources tried before the service's own. */
  bind?: Source[];
  /** The resource types to ask about, instead of the SAR's required ones (each one a question). */
  resourceTypes?: string[];
  /** Ask on `*`. */
  anyResource?: boolean;
  /**
   * An ARN AWS evaluates that differs from the SAR's template, with `${Var}` placeholders: CloudWatch
   * Logs' `log-group:NAME:log-stream:` (docs/gateway-precision.md says where each is from).
   */
  resourceText?: string;
}

export interface OperationMapping {
  questions: QuestionSpec[];
  /** Why this operation is not exact; absent = exact. */
  inexact?: string;
}

/** A derived condition key: from a member path, and how to read it. */
export interface ConditionSource {
  member: string;
  /** `list`: a list of scalars; `keys`: the keys of a map; `join`: a list joined by commas. */
  read?: 'scalar' | 'list' | 'keys';
}

export interface ServiceMapping {
  /** botocore's service name. */
  service: string;
  /** The SAR's service prefix. */
  prefix: string;
  precision: Exclude<Precision, 'action-only'>;
  /** Member → variable bindings, tried in order (first binding of a variable wins). */
  bind: Source[];
  /** Per-operation questions, where AWS differs from the default. */
  operations: Record<string, OperationMapping>;
  /** Bindings added for operations whose name matches (a member means different things per family). */
  bindByOperation?: Array<{ operations: RegExp; bind: Source[] }>;
  /** Resource types never used when a variable has this value (EventBridge's default bus). */
  excludeWhen?: Record<string, { variable: string; equals: string }>;
  /** Text appended to a resource type's ARN when a variable is bound (Lambda's qualifier). */
  arnSuffix?: Record<string, { variable: string; text: string }>;
  /** Condition keys whose member is not named like the key (`kms:GrantOperations` ← `Operations`). */
  conditionMembers?: Record<string, ConditionSource>;
  /** Operations not in the table that are still inexact, with why. */
  inexact?: Record<string, string>;
  /** What this service does not cover, for the precision table. */
  limits: string;
}
