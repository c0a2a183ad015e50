/**
 * The IAM side of the gateway (issue 14): what IAM questions one AWS call asks, as AWS asks them.
 * Pure data types; the engine is questions.ts, the per-service data services/*.ts.
 */

/** The account and region the call addresses when the request does not name them. */
export interface Scope {
  partition: string;
  region: string;
  accountId: string;
}

/** One authorization question: may the caller perform `action` on `resource`, with these keys? */
export interface AuthorizationQuestion {
  /** `s3:GetObject`: the SAR's service prefix and action name. */
  action: string;
  /** The exact resource ARN, or `*` where the action has no resource (or the service is action-only). */
  resource: string;
  /** The service's own condition keys (and aws:RequestTag/aws:TagKeys/aws:ResourceTag). */
  context: Record<string, string | string[]>;
}

/** How exactly a service's calls are mapped. */
export type Precision = 'full' | 'partial' | 'action-only';

/**
 * A fact only the backend knows, which a question needs. The gateway fetches it and passes the
 * answer back as `facts[kind][key]` (null when the backend says the thing does not exist).
 */
export type FactRequest =
  /** DynamoDB: the table's partition-key attribute name (DescribeTable → KeySchema HASH), for dynamodb:LeadingKeys. */
  | { kind: 'dynamodbPartitionKey'; key: string; tableArn: string }
  /** KMS: the key ARN an alias points to (ListAliases → TargetKeyId), the resource AWS authorizes. */
  | { kind: 'kmsAliasTarget'; key: string; aliasArn: string }
  /** Secrets Manager: the secret's full ARN with its random suffix (DescribeSecret → ARN). */
  | { kind: 'secretArn'; key: string; secretId: string; region: string; accountId: string }
  /** A resource's tags (the service's list-tags call), for aws:ResourceTag/<k>. */
  | { kind: 'resourceTags'; key: string; resourceArn: string }
  /** S3: an object's tags (GetObjectTagging, with the version when given), for s3:ExistingObjectTag/<k>. */
  | { kind: 's3ObjectTags'; key: string; bucket: string; objectKey: string; versionId?: string };

export type FactKind = FactRequest['kind'];

/**
 * What each fact is for: `resource` facts name the resource itself (without them the call is
 * unresolved); the others feed only these condition keys, so a gateway whose policies in play
 * mention none of them (policy/compile.ts `contextKeysOf`) may answer null without asking.
 */
export const FACT_FEEDS: Readonly<Record<FactKind, 'resource' | readonly string[]>> = {
  kmsAliasTarget: 'resource',
  secretArn: 'resource',
  dynamodbPartitionKey: ['dynamodb:LeadingKeys'],
  resourceTags: ['aws:ResourceTag/*', '<service>:ResourceTag/*'],
  s3ObjectTags: ['s3:ExistingObjectTag/*'],
};

/** What the request's transport says about an S3 call, passed in by the gateway. */
export interface S3AuthFacts {
  /** `REST-HEADER`, `REST-QUERY-STRING` or `POST`. */
  authType?: string;
  /** `AWS` (SigV2) or `AWS4-HMAC-SHA256`. */
  signatureversion?: string;
  /** Milliseconds since the signature's date, as a decimal string. */
  signatureAge?: string;
  /** `1.2`, `1.3`… */
  TlsVersion?: string;
  /** The x-amz-content-sha256 header (`UNSIGNED-PAYLOAD`, `STREAMING-…`, or a hash). */
  'x-amz-content-sha256'?: string;
}

/** Facts the backend answered, by kind and request key; null = the backend says it does not exist. */
export interface Facts {
  dynamodbPartitionKey?: Readonly<Record<string, string | null>>;
  kmsAliasTarget?: Readonly<Record<string, string | null>>;
  secretArn?: Readonly<Record<string, string | null>>;
  resourceTags?: Readonly<Record<string, Readonly<Record<string, string>> | null>>;
  s3ObjectTags?: Readonly<Record<string, Readonly<Record<string, string>> | null>>;
  s3Auth?: S3AuthFacts;
  /** The calling principal's account, for kms:CallerAccount. */
  callerAccount?: string;
}

export interface QuestionsResult {
  /** The IAM service prefix (`s3`, `logs`, `states`…). */
  iamService: string;
  /** The service's precision (docs/gateway-precision.md). */
  precision: Precision;
  /** Whether this operation's mapping is exact (false: see `notes`). */
  exact: boolean;
  /** False when the SAR has no action of this operation's name: the question names it anyway. */
  actionKnown: boolean;
  /** Every question must be allowed for the call to be allowed. */
  questions: AuthorizationQuestion[];
  /** Facts that were needed and not given: the keys they feed are left out (fail closed). */
  missingFacts: FactRequest[];
  /**
   * Set when the call cannot be put to IAM as it stands (an identifying fact is missing, or the
   * input does not name its resource): `questions` is empty and the gateway must deny.
   */
  unresolved?: string;
  /**
   * With `unresolved`: the backend answered that the named resource does not exist (a null
   * resource fact); forwarding would get the service's own not-found error.
   */
  notFound?: boolean;
  notes: string[];
}
