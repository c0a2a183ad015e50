import type { RequestHead } from '../../wire/routing/types.js';
import type { ServiceRoutes } from './route-types.js';
import { decodePercent, queryParams } from './wire-text.js';

export interface RestMatch {
  operation: string;
  /** The URI's labels, decoded (`Bucket`, `Key`). */
  labels: Record<string, string>;
}

interface Template {
  operation: string;
  method: string;
  segments: Array<{ literal: string } | { label: string; greedy: boolean }>;
  /** Literal query parts (`uploads`, `list-type=2`) the request must carry. */
  query: Array<[string, string | undefined]>;
  /** Headers that must be present. */
  headers: string[];
  /** More literal text, query parts and required headers make a template more specific. */
  weight: number;
}

const templates = new WeakMap<ServiceRoutes, Template[]>();

function compile(s: ServiceRoutes): Template[] {
  let list = templates.get(s);
  if (list) return list;
  list = [];
  for (const [operation, op] of Object.entries(s.operations)) {
    if (!op.method || !op.uri) continue;
    const [path = '/', q = ''] = op.uri.split('?', 2);
    const segments = path
      .split('/')
      .slice(1)
      .filter((seg, i, all) => seg !== '' || i < all.length - 1)
      .map((seg) => {
        const m = /^\{([^}+]+)(\+)?\}$/.exec(seg);
        return m ? { label: m[1]!, greedy: m[2] === '+' } : { literal: seg };
      });
    const query = q
      .split('&')
      .filter((p) => p !== '')
      .map((p): [string, string | undefined] => {
        const eq = p.indexOf('=');
        return eq < 0 ? [p, undefined] : [p.slice(0, eq), p.slice(eq + 1)];
      });
    const literalLength = segments.reduce((n, seg) => n + ('literal' in seg ? (seg.literal?.length ?? 0) + 1 : 0), 0);
    for (const name of op.requiredQuery ?? []) if (!query.some(([k]) => k === name)) query.push([name, undefined]);
    const headers = op.requiredHeaders ?? [];
    const weight = (query.length + headers.length) * 1000 + literalLength * 2 + (op.deprecated ? 0 : 1);
    list.push({ operation, method: op.method, segments, query, headers, weight });
  }
  list.sort((a, b) => b.weight - a.weight);
  templates.set(s, list);
  return list;
}

/**
 * The REST operation whose method and URI template fit the request best: literal segments and
 * literal query parts (`?uploads`, `?list-type=2`) outweigh labels, so ListObjectsV2 wins over
 * ListObjects and CreateMultipartUpload over PutObject. `bucket` is a virtual-hosted bucket, put
 * back at the head of the path as S3's templates expect.
 */
export function matchRestOperation(
  s: ServiceRoutes,
  head: RequestHead,
  bucket: string | undefined,
): RestMatch | undefined {
  const path =
    bucket === undefined ? head.rawPath : `/${encodeURIComponent(bucket)}${head.rawPath === '/' ? '' : head.rawPath}`;
  const parts = path.split('/').slice(1);
  if (parts.length > 0 && parts.at(-1) === '' && parts.length > 1) parts.pop();
  const query = queryParams(head.rawQuery);
  const method = head.method === 'HEAD' ? 'HEAD' : head.method;
  for (const t of compile(s)) {
    if (t.method !== method) continue;
    if (!t.query.every(([k, v]) => query.has(k) && (v === undefined || query.get(k) === v))) continue;
    if (!t.headers.every((h) => head.headers.some(([n]) => n.toLowerCase() === h))) continue;
    const labels = matchSegments(t.segments, parts);
    if (labels) return { operation: t.operation, labels };
  }
  return undefined;
}

function matchSegments(segments: Template['segments'], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  if (segments.length === 0) return parts.length === 0 || (parts.length === 1 && parts[0] === '') ? labels : undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if ('literal' in seg) {
      if (parts[i] !== seg.literal) return undefined;
      continue;
    }
    if (seg.greedy) {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.join('') === '') return undefined;
      labels[seg.label] = rest.map(decodePercent).join('/');
      return labels;
    }
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    labels[seg.label] = decodePercent(part);
  }
  return parts.length === segments.length ? labels : undefined;
}
