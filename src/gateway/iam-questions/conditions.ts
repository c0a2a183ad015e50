import { conditionValue, memberAt, normalName, requestTags, scalarText } from './members.js';
import type { ServiceMapping } from './mapping-types.js';
import type { SarAction, SarResourceType } from './sar.js';
import type { FactRequest, Facts, Scope } from './types.js';

/**
 * The service's own condition keys of one question, from the request's members (by the key's
 * name, or the mapping's table where AWS names the member differently), the request's tags, and
 * the facts the backend answered. Only keys the SAR lists for the action or its resource type
 * are kept: AWS sets no others.
 */

export interface ConditionInput {
  mapping: ServiceMapping;
  action: SarAction;
  resourceType: SarResourceType | undefined;
  resource: string;
  /** The element's members (the input, or one element of a batch merged over it). */
  input: Readonly<Record<string, unknown>>;
  /** Keys the identifiers gave (`kms:RequestAlias`). */
  extra: Record<string, string>;
  scope: Scope;
  facts: Facts;
  missing: FactRequest[];
}

type Context = Record<string, string | string[]>;

export function conditionContext(c: ConditionInput): Context {
  const ctx: Context = { ...c.extra };
  const listed = [...c.action.conditionKeys, ...(c.resourceType?.conditionKeys ?? [])];
  const prefix = c.mapping.prefix;

  for (const key of c.action.conditionKeys) {
    if (!key.toLowerCase().startsWith(`${prefix}:`) || /[<$]/.test(key)) continue;
    const source = c.mapping.conditionMembers?.[key];
    const raw = source ? memberAt(c.input, source.member) : byName(c.input, key.slice(prefix.length + 1));
    const value = source?.read === 'keys' ? mapKeys(raw) : conditionValue(raw);
    if (value !== undefined) ctx[key] = value;
  }

  const tags = requestTags(c.input);
  if (tags.tags) for (const [k, v] of Object.entries(tags.tags)) ctx[`aws:RequestTag/${k}`] = v;
  if (tags.keys && tags.keys.length > 0) ctx['aws:TagKeys'] = tags.keys;

  resourceTags(c, listed, ctx);
  DERIVE[prefix]?.(c, ctx);
  return keepListed(ctx, listed);
}

function byName(input: Readonly<Record<string, unknown>>, name: string): unknown {
  const want = normalName(name);
  for (const [k, v] of Object.entries(input)) if (normalName(k) === want) return v;
  return undefined;
}

function mapKeys(v: unknown): string[] | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length ? keys : undefined;
}

/** aws:ResourceTag/<k> (and the service's own copy, `secretsmanager:ResourceTag/…`) from the backend's tags. */
function resourceTags(c: ConditionInput, listed: string[], ctx: Context): void {
  if (c.resource === '*' || c.mapping.prefix === 's3') return;
  if (!listed.some((k) => k.toLowerCase() === 'aws:resourcetag/${tagkey}')) return;
  // A resource being created has no tags yet (CreateQueue on its queue; CreateGrant's key has).
  const created = /^Create(.+)$/.exec(c.action.name)?.[1];
  if (created && c.resourceType && normalName(created).startsWith(normalName(c.resourceType.key))) return;
  const known = c.facts.resourceTags;
  if (!known || !(c.resource in known)) {
    c.missing.push({ kind: 'resourceTags', key: c.resource, resourceArn: c.resource });
    return;
  }
  // Some services also offer their own copy of the key, spelled as their SAR spells it.
  const own = listed.find((k) => k.toLowerCase().startsWith(`${c.mapping.prefix}:resourcetag/`));
  for (const [k, v] of Object.entries(known[c.resource] ?? {})) {
    ctx[`aws:ResourceTag/${k}`] = v;
    if (own) ctx[`${own.slice(0, own.indexOf('/'))}/${k}`] = v;
  }
}

/** A SAR key as a pattern: `${TagKey}`, `<key>` and the literal `tag-key` stand for any text. */
const patternCache = new Map<string, RegExp>();
function keyPattern(key: string): RegExp {
  let p = patternCache.get(key);
  if (!p) {
    const src = key
      .replace(/[.*+?^()|[\]\\]/g, '\\$&')
      .replace(/\$\{[^}]+\}|<[^>]+>|\/tag-key$/g, (m) => (m === '/tag-key' ? '/.+' : '.+'));
    p = new RegExp(`^${src}$`, 'i');
    patternCache.set(key, p);
  }
  return p;
}

function keepListed(ctx: Context, listed: string[]): Context {
  const out: Context = {};
  for (const [k, v] of Object.entries(ctx)) if (listed.some((l) => keyPattern(l).test(k))) out[k] = v;
  return out;
}

// ---- service derivers: keys computed from more than one member, or from facts ----

const DERIVE: Record<string, (c: ConditionInput, ctx: Context) => void> = {
  s3: deriveS3,
  dynamodb: deriveDynamodb,
  kms: deriveKms,
  events: deriveEvents,
  secretsmanager: (c, ctx) => {
    if (c.resource !== '*') ctx['secretsmanager:SecretId'] = c.resource;
  },
  lambda: (c, ctx) => {
    if (/EventSourceMapping$/.test(c.action.name)) {
      const fn = scalarText(c.input.FunctionName);
      if (fn)
        ctx['lambda:FunctionArn'] = fn.startsWith('arn:')
          ? fn
          : `arn:${c.scope.partition}:lambda:${c.scope.region}:${c.scope.accountId}:function:${fn}`;
    }
  },
};

function deriveS3(c: ConditionInput, ctx: Context): void {
  // x-amz-tagging (`k1=v1&k2=v2`) on PutObject and friends; a TagSet on PutObjectTagging.
  const tagging = c.input.Tagging;
  let tags: Record<string, string> | undefined;
  if (typeof tagging === 'string') tags = Object.fromEntries(new URLSearchParams(tagging));
  else if (tagging) tags = requestTags({ Tagging: tagging }).tags;
  if (tags) {
    for (const [k, v] of Object.entries(tags)) ctx[`s3:RequestObjectTag/${k}`] = v;
    ctx['s3:RequestObjectTagKeys'] = Object.keys(tags);
  }
  const auth = c.facts.s3Auth ?? {};
  for (const [k, v] of Object.entries(auth)) if (typeof v === 'string') ctx[`s3:${k}`] = v;

  if (!c.action.conditionKeys.some((k) => /^s3:ExistingObjectTag\//i.test(k))) return;
  // The object is the question's resource (the copy source's, for a copy's read).
  const m = /^arn:[^:]+:s3:::([^/]+)\/(.+)$/s.exec(c.resource);
  if (!m) return;
  const [, bucket, objectKey] = m as unknown as [string, string, string];
  const isSource =
    bucket === c.input.$CopySourceBucket && objectKey === c.input.$CopySourceKey && /^GetObject/.test(c.action.name);
  const versionId = scalarText(isSource ? c.input.$CopySourceVersionId : c.input.VersionId);
  const key = versionId ? `${c.resource}?versionId=${versionId}` : c.resource;
  const known = c.facts.s3ObjectTags;
  if (!known || !(key in known)) {
    c.missing.push({ kind: 's3ObjectTags', key, bucket, objectKey, ...(versionId ? { versionId } : {}) });
    return;
  }
  for (const [k, v] of Object.entries(known[key] ?? {})) ctx[`s3:ExistingObjectTag/${k}`] = v;
}

/** A DynamoDB AttributeValue as IAM compares it: the scalar's text. */
function attributeText(av: unknown): string | undefined {
  if (av === null || typeof av !== 'object') return undefined;
  const o = av as Record<string, unknown>;
  return scalarText(o.S ?? o.N ?? o.B);
}

function deriveDynamodb(c: ConditionInput, ctx: Context): void {
  const keyMaps: Record<string, unknown>[] = [];
  const asMap = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  for (const m of ['Key', 'Item']) {
    const v = asMap(c.input[m]);
    if (v) keyMaps.push(v);
  }
  if (Array.isArray(c.input.Keys)) for (const k of c.input.Keys) if (asMap(k)) keyMaps.push(asMap(k)!);
  // BatchWriteItem's requests for one table (the engine puts a map entry's list in $elements)
  if (Array.isArray(c.input.$elements))
    for (const r of c.input.$elements as Record<string, unknown>[]) {
      const put = asMap(asMap(r.PutRequest)?.Item);
      const del = asMap(asMap(r.DeleteRequest)?.Key);
      if (put) keyMaps.push(put);
      if (del) keyMaps.push(del);
    }

  const names = new Map<string, string>(
    Object.entries(asMap(c.input.ExpressionAttributeNames) ?? {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
  const attributes = new Set<string>();
  for (const m of keyMaps) for (const k of Object.keys(m)) attributes.add(k);
  if (Array.isArray(c.input.AttributesToGet))
    for (const a of c.input.AttributesToGet) if (typeof a === 'string') attributes.add(a);
  for (const k of Object.keys(asMap(c.input.AttributeUpdates) ?? {})) attributes.add(k);
  for (const m of ['ProjectionExpression', 'UpdateExpression']) {
    const expr = scalarText(c.input[m]);
    if (expr) for (const n of expressionNames(expr, names)) attributes.add(n);
  }
  if (attributes.size > 0) ctx['dynamodb:Attributes'] = [...attributes];

  if (!c.action.conditionKeys.includes('dynamodb:LeadingKeys') || c.resource === '*') return;
  const tableArn = c.resource.replace(/\/index\/.*$/, '');
  const known = c.facts.dynamodbPartitionKey;
  if (!known || !(tableArn in known)) {
    c.missing.push({ kind: 'dynamodbPartitionKey', key: tableArn, tableArn });
    return;
  }
  const pk = known[tableArn];
  if (!pk) return;
  const values = new Set<string>();
  for (const m of keyMaps) {
    const v = attributeText(m[pk]);
    if (v !== undefined) values.add(v);
  }
  const legacy = asMap(asMap(c.input.KeyConditions)?.[pk]);
  if (legacy && Array.isArray(legacy.AttributeValueList)) {
    const v = attributeText(legacy.AttributeValueList[0]);
    if (v !== undefined) values.add(v);
  }
  const kce = scalarText(c.input.KeyConditionExpression);
  if (kce) {
    const v = partitionValue(kce, pk, names, asMap(c.input.ExpressionAttributeValues) ?? {});
    if (v !== undefined) values.add(v);
  }
  if (values.size > 0) ctx['dynamodb:LeadingKeys'] = [...values];
}

const EXPRESSION_WORDS = new Set([
  'set',
  'remove',
  'add',
  'delete',
  'and',
  'or',
  'not',
  'if_not_exists',
  'list_append',
  'size',
  'between',
  'in',
]);

/**
 * The top-level attribute names an expression mentions (`#n` resolved). A superset where unsure:
 * more names make a ForAllValues:StringEquals condition stricter, never looser.
 */
function expressionNames(expr: string, names: Map<string, string>): string[] {
  const out: string[] = [];
  for (const m of expr.matchAll(/(?<![.:\w#])(#?[A-Za-z_][\w]*)/g)) {
    const tok = m[1]!;
    if (tok.startsWith('#')) {
      const n = names.get(tok);
      if (n) out.push(n);
    } else if (!EXPRESSION_WORDS.has(tok.toLowerCase())) out.push(tok);
  }
  return out;
}

/** `pk = :v` (either side, name or #alias) in a KeyConditionExpression → the value's text. */
function partitionValue(
  expr: string,
  pk: string,
  names: Map<string, string>,
  values: Record<string, unknown>,
): string | undefined {
  const resolve = (t: string) => (t.startsWith('#') ? names.get(t) : t);
  for (const m of expr.matchAll(/(#?[\w]+)\s*=\s*(:?[\w]+)/g)) {
    const [a, b] = [m[1]!, m[2]!];
    if (resolve(a) === pk && b.startsWith(':')) return attributeText(values[b]);
    if (a.startsWith(':') && resolve(b) === pk) return attributeText(values[a]);
  }
  return undefined;
}

function deriveKms(c: ConditionInput, ctx: Context): void {
  const member =
    c.action.name === 'ReEncryptFrom'
      ? 'SourceEncryptionContext'
      : c.action.name === 'ReEncryptTo'
        ? 'DestinationEncryptionContext'
        : 'EncryptionContext';
  const constraints = memberAt(c.input, 'Constraints') as Record<string, unknown> | undefined;
  const ec = (c.input[member] ?? constraints?.EncryptionContextEquals ?? constraints?.EncryptionContextSubset) as
    Record<string, unknown> | undefined;
  if (ec && typeof ec === 'object') {
    const keys: string[] = [];
    for (const [k, v] of Object.entries(ec)) {
      if (typeof v !== 'string') continue;
      ctx[`kms:EncryptionContext:${k}`] = v;
      keys.push(k);
    }
    if (keys.length) ctx['kms:EncryptionContextKeys'] = keys;
  }
  if (c.facts.callerAccount) ctx['kms:CallerAccount'] = c.facts.callerAccount;
  if (c.input.SourceKeyId !== undefined && c.input.DestinationKeyId !== undefined)
    ctx['kms:ReEncryptOnSameKey'] = String(c.input.SourceKeyId === c.input.DestinationKeyId);
}

function deriveEvents(c: ConditionInput, ctx: Context): void {
  // PutRule: the sources and detail types the rule's event pattern matches.
  const pattern = scalarText(c.input.EventPattern);
  if (!pattern) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(pattern);
  } catch {
    return;
  }
  if (!parsed || typeof parsed !== 'object') return;
  const p = parsed as Record<string, unknown>;
  for (const [field, key] of [
    ['source', 'events:source'],
    ['detail-type', 'events:detail-type'],
  ] as const) {
    const v = p[field];
    if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) ctx[key] = v;
  }
}
