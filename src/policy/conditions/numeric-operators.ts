import { memoLast, type OperatorFamily } from './family.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** AWS numeric values are integers or decimals written as JSON numbers or strings. */
export function parseNumber(v: string): number | undefined {
  const s = v.trim();
  return NUMBER.test(s) ? Number(s) : undefined;
}

const parseRequestNumber = memoLast(parseNumber);

function numeric(test: (policy: number, request: number) => boolean): OperatorFamily<number, number> {
  return { prepare: parseNumber, parse: parseRequestNumber, test, variables: false };
}

/** NumericEquals / NumericNotEquals. */
export const numericEquals = numeric((p, r) => r === p);
export const numericLessThan = numeric((p, r) => r < p);
export const numericLessThanEquals = numeric((p, r) => r <= p);
export const numericGreaterThan = numeric((p, r) => r > p);
export const numericGreaterThanEquals = numeric((p, r) => r >= p);
