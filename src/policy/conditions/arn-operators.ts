import { compileArnGlob, type Matcher } from '../glob.js';
import type { OperatorFamily } from './family.js';

/**
 * ArnEquals and ArnLike behave alike: case-sensitive, each of the six colon-delimited segments
 * compared on its own, `*` and `?` allowed in any segment ("ARN condition operators").
 */
export const arnLike: OperatorFamily<Matcher, string> = {
  prepare: (v) => compileArnGlob(v),
  parse: (v) => v,
  test: (p, r) => p(r),
  variables: true,
};
