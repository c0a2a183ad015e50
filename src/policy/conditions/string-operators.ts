import { compileGlob, decodeLiterals, type Matcher } from '../glob.js';
import type { OperatorFamily } from './family.js';

/** StringEquals / StringNotEquals: exact, case-sensitive comparison; `*` is an ordinary character. */
export const stringEquals: OperatorFamily<string, string> = {
  prepare: (v) => decodeLiterals(v),
  parse: (v) => v,
  test: (p, r) => p === r,
  variables: true,
  cheapPrepare: true,
};

/** StringEqualsIgnoreCase / StringNotEqualsIgnoreCase: exact comparison ignoring case. */
export const stringEqualsIgnoreCase: OperatorFamily<string, string> = {
  prepare: (v) => decodeLiterals(v).toLowerCase(),
  parse: (v) => v.toLowerCase(),
  test: (p, r) => p === r,
  variables: true,
  cheapPrepare: true,
};

/** StringLike / StringNotLike: case-sensitive, `*` matches any run of characters and `?` one. */
export const stringLike: OperatorFamily<Matcher, string> = {
  prepare: (v) => compileGlob(v),
  parse: (v) => v,
  test: (p, r) => p(r),
  variables: true,
};
