import { arnLike } from './arn-operators.js';
import { binaryEquals, bool } from './bool-binary-operators.js';
import {
  dateEquals,
  dateGreaterThan,
  dateGreaterThanEquals,
  dateLessThan,
  dateLessThanEquals,
} from './date-operators.js';
import type { OperatorFamily, OperatorSpec } from './family.js';
import { ipAddress } from './ip-operators.js';
import {
  numericEquals,
  numericGreaterThan,
  numericGreaterThanEquals,
  numericLessThan,
  numericLessThanEquals,
} from './numeric-operators.js';
import type { BaseOperator } from './operator-name.js';
import { stringEquals, stringEqualsIgnoreCase, stringLike } from './string-operators.js';

// Each family is typed in its own values; the table only needs them as opaque families.
const pos = <P, R>(family: OperatorFamily<P, R>): OperatorSpec => ({ family, negated: false });
const neg = <P, R>(family: OperatorFamily<P, R>): OperatorSpec => ({ family, negated: true });

/** Null is handled on its own: it tests presence, not values. */
export const OPERATORS: Record<Exclude<BaseOperator, 'Null'>, OperatorSpec> = {
  StringEquals: pos(stringEquals),
  StringNotEquals: neg(stringEquals),
  StringEqualsIgnoreCase: pos(stringEqualsIgnoreCase),
  StringNotEqualsIgnoreCase: neg(stringEqualsIgnoreCase),
  StringLike: pos(stringLike),
  StringNotLike: neg(stringLike),
  NumericEquals: pos(numericEquals),
  NumericNotEquals: neg(numericEquals),
  NumericLessThan: pos(numericLessThan),
  NumericLessThanEquals: pos(numericLessThanEquals),
  NumericGreaterThan: pos(numericGreaterThan),
  NumericGreaterThanEquals: pos(numericGreaterThanEquals),
  DateEquals: pos(dateEquals),
  DateNotEquals: neg(dateEquals),
  DateLessThan: pos(dateLessThan),
  DateLessThanEquals: pos(dateLessThanEquals),
  DateGreaterThan: pos(dateGreaterThan),
  DateGreaterThanEquals: pos(dateGreaterThanEquals),
  Bool: pos(bool),
  BinaryEquals: pos(binaryEquals),
  IpAddress: pos(ipAddress),
  NotIpAddress: neg(ipAddress),
  ArnEquals: pos(arnLike),
  ArnLike: pos(arnLike),
  ArnNotEquals: neg(arnLike),
  ArnNotLike: neg(arnLike),
};
