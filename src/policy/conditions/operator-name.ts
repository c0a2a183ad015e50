/** Every base condition operator ("IAM JSON policy elements: Condition operators"). */
export const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

export type BaseOperator = (typeof BASE_OPERATORS)[number];

/** `ForAllValues:` / `ForAnyValue:` set operators, or none. */
export type Qualifier = 'none' | 'all' | 'any';

export interface OperatorName {
  base: BaseOperator;
  qualifier: Qualifier;
  ifExists: boolean;
}

const BASE_SET: ReadonlySet<string> = new Set(BASE_OPERATORS);

/**
 * Splits `ForAnyValue:StringLikeIfExists` into its parts. Names are case-sensitive, and
 * `...IfExists` is defined for every operator except Null.
 */
export function parseOperatorName(name: string): OperatorName | undefined {
  let rest = name;
  let qualifier: Qualifier = 'none';
  if (rest.startsWith('ForAllValues:')) {
    qualifier = 'all';
    rest = rest.slice('ForAllValues:'.length);
  } else if (rest.startsWith('ForAnyValue:')) {
    qualifier = 'any';
    rest = rest.slice('ForAnyValue:'.length);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (!BASE_SET.has(rest)) return undefined;
  if (ifExists && rest === 'Null') return undefined;
  return { base: rest as BaseOperator, qualifier, ifExists };
}
