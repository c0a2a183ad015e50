/**
 * Test support only (never imported by production code): loads the third-party SigV4 vectors
 * vendored in `test/fixtures/sigv4` (sources and licences in its README) and parses their raw HTTP files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingSignedRequest } from '../types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Root of the vendored SigV4 vectors. */
export const VECTORS_DIR = path.resolve(repoRoot, 'test/fixtures/sigv4');

/** A raw HTTP/1.1 request file as a server would see it. */
export interface RawHttpRequest {
  method: string;
  /** Request target as written: path (and query) exactly as the vector sends them. */
  path: string;
  query: string;
  /** Header pairs in file order; values have surrounding blanks removed, folded lines kept. */
  headers: Array<[string, string]>;
  body: Buffer;
}

/**
 * Parses the vectors' raw requests: `Name:value` lines (no space required), repeated names,
 * obs-fold continuation lines, UTF-8 and spaces in the request target, body after a blank line.
 */
export function parseRawHttp(file: Buffer): RawHttpRequest {
  const split = file.indexOf('\n\n');
  const headText = (split < 0 ? file : file.subarray(0, split)).toString('utf8').replace(/\n$/, '');
  const body = split < 0 ? Buffer.alloc(0) : file.subarray(split + 2);
  const [requestLine = '', ...lines] = headText.split('\n');

  // The target can contain spaces ("/example space/"), so take method and version from the ends.
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' '));
  const q = target.indexOf('?');

  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last[1] += `\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return {
    method,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers,
    body,
  };
}

/** The request in the verifier's input form. */
export function toIncoming(raw: RawHttpRequest): IncomingSignedRequest {
  return {
    method: raw.method,
    rawPath: raw.path,
    rawQuery: raw.query,
    headers: raw.headers,
    payloadSha256Hex: createHash('sha256').update(raw.body).digest('hex'),
  };
}

/** aws-c-auth `context.json`. */
export interface AwsCAuthContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  omit_session_token?: boolean;
  timestamp: string;
}

/** One aws-c-auth v4 case directory. */
export interface AwsCAuthCase {
  name: string;
  context: AwsCAuthContext;
  request: Buffer;
  read(file: string): Buffer;
  /** Text file contents (no trailing newline handling needed: the vectors have none). */
  text(file: string): string;
}

export function loadAwsCAuthV4Cases(): AwsCAuthCase[] {
  const root = path.join(VECTORS_DIR, 'aws-c-auth', 'v4');
  return readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      const read = (file: string): Buffer => readFileSync(path.join(dir, file));
      return {
        name,
        context: JSON.parse(read('context.json').toString('utf8')) as AwsCAuthContext,
        request: read('request.txt'),
        read,
        text: (file: string) => read(file).toString('utf8'),
      };
    });
}

/** One botocore (original AWS aws-sig-v4-test-suite) case. */
export interface BotocoreCase {
  /** Path relative to the suite root, e.g. `normalize-path/get-slash`. */
  name: string;
  req: Buffer;
  sreq: Buffer;
  creq: string;
  sts: string;
  authz: string;
}

export function loadBotocoreCases(): BotocoreCase[] {
  const root = path.join(VECTORS_DIR, 'botocore-aws4_testsuite');
  const cases: BotocoreCase[] = [];
  const walk = (rel: string): void => {
    const dir = path.join(root, rel);
    const base = path.basename(dir);
    if (existsSync(path.join(dir, `${base}.req`))) {
      const read = (ext: string): Buffer => readFileSync(path.join(dir, `${base}.${ext}`));
      cases.push({
        name: rel,
        req: read('req'),
        sreq: read('sreq'),
        creq: read('creq').toString('utf8'),
        sts: read('sts').toString('utf8'),
        authz: read('authz').toString('utf8').trim(),
      });
      return;
    }
    for (const entry of readdirSync(dir).sort()) {
      if (statSync(path.join(dir, entry)).isDirectory()) walk(rel ? `${rel}/${entry}` : entry);
    }
  };
  walk('');
  return cases;
}
