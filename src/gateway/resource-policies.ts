import { type BackendAnswer, type BackendCall, jsonCall, queryCall } from './backend-calls.js';

/** A resource whose own policy the backend keeps: the ARN parts the fetch needs. */
export interface PolicyHolder {
  /** The service that keeps the policy (its backend answers the fetch). */
  service: string;
  /** The ARN the policy is cached under: the bucket for an object, the queue, the topic… */
  arn: string;
  /** The account that owns the resource, when its ARN says. */
  account?: string;
  fetch(backendOrigin: string): BackendCall;
  /** The policy document, undefined when the resource has none; throws when the answer says nothing certain. */
  read(answer: BackendAnswer): string | undefined;
}

const ARN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.*)$/s;

/**
 * The resource-based policy that governs an ARN, if its service has one: S3 bucket policies (for
 * the bucket and its objects), SQS queue and SNS topic policies, KMS key policies, Lambda function
 * policies, Secrets Manager resource policies.
 */
export function policyHolderOf(resourceArn: string): PolicyHolder | undefined {
  const m = ARN.exec(resourceArn);
  if (!m) return undefined;
  const [, partition, service, region, account, resource] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  switch (service) {
    case 's3': {
      const bucket = resource.split('/', 1)[0]!;
      if (region !== '' || account !== '' || bucket === '' || bucket.includes(':')) return undefined;
      return {
        service,
        arn: `arn:${partition}:s3:::${bucket}`,
        fetch: () => ({ method: 'GET', path: `/${encodeURIComponent(bucket)}`, query: 'policy=' }),
        read: (a) => (a.status === 200 ? a.body.toString('utf8') : absent(a)),
      };
    }
    case 'sqs':
      if (resource.includes(':') || resource === '') return undefined;
      return {
        service,
        arn: resourceArn,
        account,
        fetch: (origin) =>
          json10('AmazonSQS.GetQueueAttributes', {
            QueueUrl: `${origin}/${account}/${resource}`,
            AttributeNames: ['Policy'],
          }),
        read: (a) => member(a, ['Attributes', 'Policy']),
      };
    case 'sns':
      if (resource.includes(':') || resource === '') return undefined;
      return {
        service,
        arn: resourceArn,
        account,
        fetch: () =>
          queryCall(`Action=GetTopicAttributes&Version=2010-03-31&TopicArn=${encodeURIComponent(resourceArn)}`),
        read: readSnsPolicy,
      };
    case 'kms':
      if (!resource.startsWith('key/')) return undefined;
      return {
        service,
        arn: resourceArn,
        account,
        fetch: () => json11('TrentService.GetKeyPolicy', { KeyId: resourceArn, PolicyName: 'default' }),
        read: (a) => member(a, ['Policy']),
      };
    case 'lambda': {
      const fn = /^function:([^:]+)(?::([^:]+))?$/.exec(resource);
      if (!fn) return undefined;
      const qualifier = fn[2] ? `?Qualifier=${encodeURIComponent(fn[2])}` : '';
      const unqualified = `arn:${partition}:lambda:${region}:${account}:function:${fn[1]}`;
      return {
        service,
        arn: resourceArn,
        account,
        fetch: () => ({
          method: 'GET',
          path: `/2015-03-31/functions/${encodeURIComponent(unqualified)}/policy`,
          query: qualifier.slice(1),
        }),
        read: (a) => member(a, ['Policy']),
      };
    }
    case 'secretsmanager':
      if (!resource.startsWith('secret:')) return undefined;
      return {
        service,
        arn: resourceArn,
        account,
        fetch: () => json11('secretsmanager.GetResourcePolicy', { SecretId: resourceArn }),
        read: (a) => member(a, ['ResourcePolicy']),
      };
    default:
      return undefined;
  }
}

const json10 = (target: string, body: unknown): BackendCall => jsonCall('1.0', target, body);
const json11 = (target: string, body: unknown): BackendCall => jsonCall('1.1', target, body);

/**
 * A backend that does not implement resource policies at all (s3rver answers 405/501) holds none:
 * there is no policy, and so no deny, to miss.
 */
export function unsupported(a: BackendAnswer): boolean {
  return (
    a.status === 501 || (a.status === 405 && /MethodNotAllowed|NotImplemented/.test(a.body.toString('utf8', 0, 4096)))
  );
}

/** The services' "no such policy" and "no such resource" codes. */
const NOT_FOUND =
  /\b(NoSuch\w+|QueueDoesNotExist|AWS\.SimpleQueueService\.NonExistentQueue|NotFound|NotFoundException|ResourceNotFoundException)\b/;

/**
 * A "no such policy / no such resource" answer means no policy. Anything else is not knowledge:
 * treating a refused fetch as "no policy" would drop the policy's explicit denies, so it throws.
 */
function absent(a: BackendAnswer): undefined {
  if (a.status === 404 || (a.status === 400 && NOT_FOUND.test(a.body.toString('utf8', 0, 4096)))) return undefined;
  if (unsupported(a)) return undefined;
  throw new Error(`the backend answered ${a.status} when asked for a resource policy`);
}

function member(a: BackendAnswer, path: string[]): string | undefined {
  if (a.status !== 200) return absent(a);
  let value: unknown = JSON.parse(a.body.toString('utf8'));
  for (const key of path)
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/** SNS's Query answer: `<entry><key>Policy</key><value>…</value></entry>` among the topic's attributes. */
function readSnsPolicy(a: BackendAnswer): string | undefined {
  if (a.status !== 200) return absent(a);
  const m = /<key>Policy<\/key>\s*<value>([^<]*)<\/value>/.exec(a.body.toString('utf8'));
  if (!m) return undefined;
  return m[1]!.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (e) => {
    if (e.startsWith('&#x') || e.startsWith('&#X')) return String.fromCodePoint(parseInt(e.slice(3, -1), 16));
    if (e.startsWith('&#')) return String.fromCodePoint(Number(e.slice(2, -1)));
    return XML_ENTITIES[e] ?? e;
  });
}
