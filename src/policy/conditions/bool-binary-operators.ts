import { memoLast, type OperatorFamily } from './family.js';

function parseBool(v: string): boolean | undefined {
  const s = v.toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/** Bool: `true`/`false`, case-insensitive ("Boolean condition operators"). */
export const bool: OperatorFamily<boolean, boolean> = {
  prepare: parseBool,
  parse: parseBool,
  test: (p, r) => p === r,
  variables: false,
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function parseBase64(v: string): string | undefined {
  const s = v.trim();
  if (!BASE64.test(s) || s.length % 4 === 1) return undefined;
  // Re-encoding normalises padding so equal bytes compare equal as strings.
  return Buffer.from(s, 'base64').toString('base64');
}

/** BinaryEquals: the policy holds base64 and the request's bytes are compared to it ("Binary condition operators"). */
export const binaryEquals: OperatorFamily<string, string> = {
  prepare: parseBase64,
  parse: memoLast(parseBase64),
  test: (p, r) => p === r,
  variables: false,
};
