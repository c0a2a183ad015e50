/** Reading input members: dotted paths, scalars as IAM sees them, tags in the shapes AWS APIs use. */

export function memberAt(input: Readonly<Record<string, unknown>>, path: string): unknown {
  let cur: unknown = input;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A scalar as a condition value: strings as they are, numbers and booleans as their text. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** A condition value from a member: a scalar, or a list of scalars. */
export function conditionValue(v: unknown): string | string[] | undefined {
  if (Array.isArray(v)) {
    const out = v.map(scalarText);
    return out.every((s): s is string => s !== undefined) && out.length > 0 ? out : undefined;
  }
  return scalarText(v);
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Tags in any of the shapes AWS APIs carry them: a map, or a list of {Key,Value}/{TagKey,TagValue}. */
export function readTags(v: unknown): Record<string, string> | undefined {
  if (Array.isArray(v)) {
    const out: Record<string, string> = {};
    for (const t of v) {
      if (!isRecord(t)) return undefined;
      const k = t.Key ?? t.TagKey ?? t.key;
      const val = t.Value ?? t.TagValue ?? t.value ?? '';
      if (typeof k !== 'string' || typeof val !== 'string') return undefined;
      out[k] = val;
    }
    return out;
  }
  if (isRecord(v)) {
    if ('TagSet' in v) return readTags(v.TagSet);
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(v)) {
      if (typeof val !== 'string') return undefined;
      out[k] = val;
    }
    return out;
  }
  return undefined;
}

/** The members tagging and create operations carry tags in. */
const TAG_MEMBERS = ['Tags', 'tags', 'TagList', 'Tagging', 'TagSet'];
/** The members untag operations carry tag keys in. */
const TAG_KEY_MEMBERS = ['TagKeys', 'tagKeys', 'TagKeyList'];

export interface RequestTags {
  tags?: Record<string, string>;
  keys?: string[];
}

/** The tags a request sets (aws:RequestTag) and the tag keys it names (aws:TagKeys). */
export function requestTags(input: Readonly<Record<string, unknown>>): RequestTags {
  for (const m of TAG_MEMBERS) {
    const v = input[m];
    if (v === undefined || typeof v === 'string') continue;
    // CloudWatch Logs' UntagLogGroup carries the keys to remove in `tags`, as a list of strings.
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { keys: v };
    const tags = readTags(v);
    if (tags) return { tags, keys: Object.keys(tags) };
  }
  for (const m of TAG_KEY_MEMBERS) {
    const v = input[m];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { keys: v };
  }
  return {};
}

/** Normalized member/key name: case and separators ignored (`max-keys` ~ `MaxKeys`). */
export const normalName = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
