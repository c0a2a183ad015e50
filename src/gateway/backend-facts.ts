import type { Caller } from '../auth/authenticate.js';
import { AwsError } from '../shared/aws-error.js';
import type { FactRequest, Facts } from './iam-questions/types.js';
import { type BackendAnswer, type BackendCall, callBackend, jsonCall, queryCall } from './backend-calls.js';
import type { GatewayDeps } from './gateway-deps.js';
import { PLACEHOLDER_KEY } from './resource-policy-lookup.js';
import { unsupported } from './resource-policies.js';
import { backendUnreachable } from './service-errors.js';

type Tags = Record<string, string>;
type FactValue = string | Tags | null;

/**
 * Fetches, from the backends, the facts the IAM mapping asked for (a table's partition key, an
 * alias's key, a secret's full ARN, tags), each cached per resource like its policy. `null` means
 * the backend says the thing does not exist; a backend that cannot answer fails the request.
 */
export async function fetchFacts(deps: GatewayDeps, needed: readonly FactRequest[], caller: Caller): Promise<Facts> {
  const facts: Record<string, Record<string, FactValue>> = {};
  await Promise.all(
    needed.map(async (request) => {
      const value = await deps.resources.get(`${request.kind} ${subjectOf(request)}`, () =>
        fetchOne(deps, request, caller),
      );
      if (value !== undefined) (facts[request.kind] ??= {})[request.key] = value as FactValue;
    }),
  );
  return facts;
}

function subjectOf(r: FactRequest): string {
  switch (r.kind) {
    case 'dynamodbPartitionKey':
      return r.tableArn;
    case 'kmsAliasTarget':
      return r.aliasArn;
    case 'secretArn':
      return `arn:aws:secretsmanager:${r.region}:${r.accountId}:secret:${r.secretId}`;
    case 'resourceTags':
      return r.resourceArn;
    case 's3ObjectTags':
      return `arn:aws:s3:::${r.bucket}/${r.objectKey}${r.versionId ? `?versionId=${r.versionId}` : ''}`;
  }
}

async function fetchOne(deps: GatewayDeps, request: FactRequest, caller: Caller): Promise<FactValue | undefined> {
  const plan = factCall(request);
  if (!plan) return undefined;
  const target = deps.targets.for([plan.service]);
  if (!target) return undefined;
  let answer: BackendAnswer;
  try {
    answer = await callBackend(
      deps.client,
      target,
      {
        signingName: plan.service,
        region: caller.region,
        credentials: deps.backendCredentials([plan.service]) ?? PLACEHOLDER_KEY,
      },
      plan.call(target.url.origin),
      new Date(),
    );
  } catch {
    throw backendUnreachable(plan.service);
  }
  if (answer.status === 404 || (answer.status === 400 && NOT_FOUND.test(answer.body.toString('utf8', 0, 4096))))
    return plan.absent;
  // A backend without tagging (s3rver) has no tags; one without the thing asked has nothing to say.
  if (unsupported(answer)) return plan.kind === 'tags' ? {} : null;
  // Refused (moto applies a bucket policy's deny to every caller): fail closed, saying why.
  if (answer.status === 403) throw refused(request, subjectOf(request));
  if (answer.status !== 200) throw backendUnreachable(plan.service);
  return plan.read(answer);
}

const refused = (r: FactRequest, subject: string): AwsError =>
  new AwsError(
    'AccessDenied',
    `The backend refused to tell Ward's gateway the ${r.kind === 'resourceTags' || r.kind === 's3ObjectTags' ? 'tags' : 'identity'} of ${subject}, which this call's authorization needs.`,
    403,
  );

const NOT_FOUND =
  /\b(NoSuch\w+|QueueDoesNotExist|NonExistentQueue|NotFound|NotFoundException|ResourceNotFoundException|ParameterNotFound|InvalidResourceId)\b/;

interface FactCall {
  service: string;
  call(origin: string): BackendCall;
  read(a: BackendAnswer): FactValue;
  /** What "does not exist" means: no such thing (null), or no tags on an existing thing ({}). */
  absent: FactValue;
  kind: 'tags' | 'identity';
}

function factCall(r: FactRequest): FactCall | undefined {
  switch (r.kind) {
    case 'dynamodbPartitionKey':
      return {
        service: 'dynamodb',
        call: () => jsonCall('1.0', 'DynamoDB_20120810.DescribeTable', { TableName: r.tableArn.split('/')[1] }),
        kind: 'identity',
        read: (a) => {
          const schema = (
            body(a).Table as { KeySchema?: Array<{ AttributeName: string; KeyType: string }> } | undefined
          )?.KeySchema;
          return schema?.find((k) => k.KeyType === 'HASH')?.AttributeName ?? null;
        },
        absent: null,
      };
    case 'kmsAliasTarget':
      return {
        service: 'kms',
        call: () => jsonCall('1.1', 'TrentService.DescribeKey', { KeyId: r.aliasArn }),
        kind: 'identity',
        read: (a) => (body(a).KeyMetadata as { Arn?: string } | undefined)?.Arn ?? null,
        absent: null,
      };
    case 'secretArn':
      return {
        service: 'secretsmanager',
        call: () => jsonCall('1.1', 'secretsmanager.DescribeSecret', { SecretId: r.secretId }),
        kind: 'identity',
        read: (a) => (typeof body(a).ARN === 'string' ? (body(a).ARN as string) : null),
        absent: null,
      };
    case 's3ObjectTags':
      return {
        service: 's3',
        call: () => ({
          method: 'GET',
          path: `/${encodeURIComponent(r.bucket)}/${r.objectKey.split('/').map(encodeURIComponent).join('/')}`,
          query: `tagging=${r.versionId ? `&versionId=${encodeURIComponent(r.versionId)}` : ''}`,
        }),
        kind: 'tags',
        read: (a) => xmlTags(a.body.toString('utf8')),
        absent: null,
      };
    case 'resourceTags':
      return resourceTagsCall(r.resourceArn);
  }
}

/** Each service's own list-tags call for a resource ARN. */
function resourceTagsCall(arn: string): FactCall | undefined {
  const [, partition, service, region, account, resource = ''] = arn.split(':');
  const rest = arn.split(':').slice(5).join(':');
  void partition;
  switch (service) {
    case 's3':
      if (rest.includes('/')) return undefined;
      return {
        service,
        call: () => ({ method: 'GET', path: `/${encodeURIComponent(rest)}`, query: 'tagging=' }),
        kind: 'tags',
        read: (a) => xmlTags(a.body.toString('utf8')),
        absent: {},
      };
    case 'sqs':
      return {
        service,
        call: (origin) => jsonCall('1.0', 'AmazonSQS.ListQueueTags', { QueueUrl: `${origin}/${account}/${resource}` }),
        kind: 'tags',
        read: (a) => (body(a).Tags as Tags | undefined) ?? {},
        absent: null,
      };
    case 'sns':
      return {
        service,
        call: () => queryCall(`Action=ListTagsForResource&Version=2010-03-31&ResourceArn=${encodeURIComponent(arn)}`),
        kind: 'tags',
        read: (a) => xmlTags(a.body.toString('utf8')),
        absent: null,
      };
    case 'dynamodb':
      return {
        service,
        call: () => jsonCall('1.0', 'DynamoDB_20120810.ListTagsOfResource', { ResourceArn: arn }),
        kind: 'tags',
        read: (a) => pairs(body(a).Tags, 'Key', 'Value'),
        absent: null,
      };
    case 'kms':
      return {
        service,
        call: () => jsonCall('1.1', 'TrentService.ListResourceTags', { KeyId: arn }),
        kind: 'tags',
        read: (a) => pairs(body(a).Tags, 'TagKey', 'TagValue'),
        absent: null,
      };
    case 'lambda':
      return {
        service,
        call: () => ({ method: 'GET', path: `/2017-03-31/tags/${encodeURIComponent(arn)}` }),
        kind: 'tags',
        read: (a) => (body(a).Tags as Tags | undefined) ?? {},
        absent: null,
      };
    case 'secretsmanager':
      return {
        service,
        call: () => jsonCall('1.1', 'secretsmanager.DescribeSecret', { SecretId: arn }),
        kind: 'tags',
        read: (a) => pairs(body(a).Tags, 'Key', 'Value'),
        absent: null,
      };
    case 'ssm':
      if (!resource.startsWith('parameter/')) return undefined;
      return {
        service,
        call: () =>
          jsonCall('1.1', 'AmazonSSM.ListTagsForResource', {
            ResourceType: 'Parameter',
            ResourceId: rest.slice('parameter'.length),
          }),
        kind: 'tags',
        read: (a) => pairs(body(a).TagList, 'Key', 'Value'),
        absent: null,
      };
    case 'logs':
      return {
        service,
        call: () => jsonCall('1.1', 'Logs_20140328.ListTagsForResource', { resourceArn: arn.replace(/:\*$/, '') }),
        kind: 'tags',
        read: (a) => (body(a).tags as Tags | undefined) ?? {},
        absent: null,
      };
    case 'events':
      return {
        service,
        call: () => jsonCall('1.1', 'AWSEvents.ListTagsForResource', { ResourceARN: arn }),
        kind: 'tags',
        read: (a) => pairs(body(a).Tags, 'Key', 'Value'),
        absent: null,
      };
    default:
      void region;
      return undefined;
  }
}

function body(a: BackendAnswer): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(a.body.toString('utf8'));
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    // fall through: an answer that is not JSON says nothing
  }
  throw new AwsError('ServiceUnavailable', 'The backend answered with something other than JSON.', 502);
}

function pairs(list: unknown, key: string, value: string): Tags {
  const out: Tags = {};
  if (!Array.isArray(list)) return out;
  for (const item of list as Array<Record<string, unknown>>) {
    const k = item[key];
    const v = item[value];
    if (typeof k === 'string' && typeof v === 'string') out[k] = v;
  }
  return out;
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const unescape = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ENTITY[e]!,
  );

/** S3's `<Tag><Key/><Value/></Tag>` and SNS's `<member><Key/><Value/></member>` tag lists. */
function xmlTags(xml: string): Tags {
  const out: Tags = {};
  for (const m of xml.matchAll(/<Key>([^<]*)<\/Key>\s*<Value>([^<]*)<\/Value>/g))
    out[unescape(m[1]!)] = unescape(m[2]!);
  return out;
}
