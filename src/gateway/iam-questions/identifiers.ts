import type { IdentifierForm } from './mapping-types.js';
import type { FactRequest, Facts, Scope } from './types.js';

/**
 * How a member's value names a resource, per identifier form: a plain name fills one template
 * variable, an ARN fills a whole template, and some names need a fact from the backend (a KMS
 * alias's key, a secret's full ARN).
 */

export interface IdentifierResult {
  vars?: Record<string, string>;
  /** A full ARN; the engine reads it with each candidate template. */
  arn?: string;
  /** A fact the value needs; absent from `facts`, the resource is unresolved. */
  fact?: FactRequest;
  /** The backend says the named thing does not exist. */
  notFound?: boolean;
  /** Condition keys the identifier itself gives (`kms:RequestAlias`). */
  context?: Record<string, string>;
  /** Why the value names no resource. */
  invalid?: string;
}

interface Ctx {
  scope: Scope;
  facts: Facts;
}

const isArn = (v: string) => v.startsWith('arn:');

/** The 6 characters Secrets Manager appends to a secret's name in its ARN. */
const SECRET_SUFFIX = /-[A-Za-z0-9]{6}$/;

/** Lambda's accepted FunctionName forms (the API reference's pattern). */
const LAMBDA_FUNCTION =
  /^(?:arn:(aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:-gov)?-[a-z]+-\d{1}):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9_.-]+)(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/;

export function readIdentifier(
  form: IdentifierForm,
  value: string,
  as: string | undefined,
  ctx: Ctx,
): IdentifierResult {
  const plain = (v: string): IdentifierResult => (as ? { vars: { [as]: v } } : {});
  switch (form) {
    case 'name':
      return plain(value);
    case 'name-or-arn':
      return isArn(value) ? { arn: value } : plain(value);
    case 's3-bucket':
      return isArn(value) ? { invalid: 'access points are not mapped' } : plain(value);
    case 'sqs-queue-url':
      return queueUrl(value);
    case 'sns-subscription-arn': {
      // arn:aws:sns:us-east-1:123456789012:topic:subscription-id → the topic's ARN
      const cut = value.lastIndexOf(':');
      return isArn(value) && cut > 0 ? { arn: value.slice(0, cut) } : { invalid: 'not a subscription ARN' };
    }
    case 'kms-key':
      return kmsKey(value, ctx);
    case 'kms-alias':
      if (isArn(value)) return { arn: value };
      return value.startsWith('alias/')
        ? { vars: { Alias: value.slice('alias/'.length) } }
        : { invalid: 'not an alias name' };
    case 'lambda-function':
      return lambdaFunction(value);
    case 'secret-id':
      return secretId(value, ctx);
    case 'ssm-parameter':
      // arn:…:parameter/a/b names `/a/b`; a name with or without its leading slash names the same parameter.
      return isArn(value) ? { arn: value } : { vars: { ParameterNameWithoutLeadingSlash: value.replace(/^\//, '') } };
    case 'logs-group-name':
      // The legacy log-group operations (named by logGroupName) are authorized on `log-group:NAME:log-stream:`.
      return { vars: { LogGroupName: value, $logGroupByName: 'yes' } };
    case 'logs-group-identifier':
      // A log group's ARN as DescribeLogGroups shows it ends in `:*`; the resource does not.
      return isArn(value) ? { arn: value.replace(/:\*$/, '') } : { vars: { LogGroupName: value } };
    case 'dynamodb-stream-arn':
      return isArn(value) ? { arn: value } : { invalid: 'not a stream ARN' };
  }
}

function queueUrl(value: string): IdentifierResult {
  // https://sqs.us-east-1.amazonaws.com/123456789012/name: the account and name are the path's
  // last two segments (emulators put more in front).
  let path: string;
  try {
    path = new URL(value).pathname;
  } catch {
    return { invalid: 'not a queue URL' };
  }
  const parts = path.split('/').filter(Boolean);
  const name = parts.at(-1);
  const account = parts.at(-2);
  if (!name || !account || !/^\d{12}$/.test(account)) return { invalid: 'not a queue URL' };
  return { vars: { Account: account, QueueName: decodeURIComponent(name) } };
}

function kmsKey(value: string, ctx: Ctx): IdentifierResult {
  const { partition, region, accountId } = ctx.scope;
  let aliasArn: string | undefined;
  if (value.startsWith('alias/')) aliasArn = `arn:${partition}:kms:${region}:${accountId}:${value}`;
  else if (isArn(value) && /:alias\//.test(value)) aliasArn = value;
  if (!aliasArn) return isArn(value) ? { arn: value } : { vars: { KeyId: value } };
  // AWS authorizes the key an alias points to; the alias itself is kms:RequestAlias.
  const context = { 'kms:RequestAlias': aliasArn.slice(aliasArn.indexOf('alias/')) };
  const known = ctx.facts.kmsAliasTarget;
  if (!known || !(aliasArn in known)) return { fact: { kind: 'kmsAliasTarget', key: aliasArn, aliasArn }, context };
  const target = known[aliasArn];
  if (!target) return { notFound: true, context };
  return isArn(target) ? { arn: target, context } : { vars: { KeyId: target }, context };
}

function lambdaFunction(value: string): IdentifierResult {
  const m = LAMBDA_FUNCTION.exec(value);
  if (!m) return { invalid: 'not a function name or ARN' };
  const [, partition, region, account, name, qualifier] = m;
  const vars: Record<string, string> = { FunctionName: name! };
  if (partition) vars.Partition = partition;
  if (region) vars.Region = region;
  if (account) vars.Account = account;
  if (qualifier) Object.assign(vars, { $qualifier: qualifier, Alias: qualifier, Version: qualifier });
  return { vars };
}

function secretId(value: string, ctx: Ctx): IdentifierResult {
  if (isArn(value) && SECRET_SUFFIX.test(value)) return { arn: value };
  const { partition, region, accountId } = ctx.scope;
  // A name or a partial ARN: only the backend knows the suffix AWS puts in the ARN.
  const partial = isArn(value) ? value : `arn:${partition}:secretsmanager:${region}:${accountId}:secret:${value}`;
  const known = ctx.facts.secretArn;
  if (!known || !(partial in known))
    return { fact: { kind: 'secretArn', key: partial, secretId: value, region, accountId } };
  const full = known[partial];
  return full ? { arn: full } : { notFound: true };
}
