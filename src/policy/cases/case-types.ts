import type { ContextValue, DenyingLayer, EvalDecision, PolicyVersion, RequestContext } from '../types.js';

/** A policy in a test table: a full document, or just its statements (Version 2012-10-17). */
export type Doc = Record<string, unknown> | Record<string, unknown>[];

/** One evaluator case; `rule` names the AWS documentation rule it checks. */
export interface EvalCase {
  rule: string;
  name: string;
  identity?: Doc[];
  resource?: { kind?: 'resource' | 'trust'; doc: Doc };
  boundary?: Doc[];
  session?: Doc[];
  scps?: Doc[][];
  isRoot?: boolean;
  sameAccount?: boolean;
  req?: Partial<Omit<RequestContext, 'context'>>;
  ctx?: Record<string, ContextValue | undefined>;
  want: EvalDecision;
  deniedBy?: DenyingLayer;
  matchedSids?: string[];
  missing?: string[];
  boundaryDecision?: EvalDecision;
}

export const ACCT = '111122223333';
export const OTHER = '444455556666';
export const ALICE = `arn:aws:iam::${ACCT}:user/alice`;
export const ALLOW_ALL = { Effect: 'Allow', Action: '*', Resource: '*' };

/**
 * A single-condition case: `Allow iam:GetUser on *` guarded by `{op: {key: values}}`, with the
 * request carrying `value` for `key` (undefined = the key is absent). `holds` says whether the
 * condition is true, so the request is allowed.
 */
export type CondRow = [rule: string, op: string, key: string, values: unknown, value: ContextValue | undefined, holds: boolean];

export function condCases(rows: CondRow[], version: PolicyVersion = '2012-10-17'): EvalCase[] {
  return rows.map(([rule, op, key, values, value, holds]) => ({
    rule,
    name: `${op} ${key}=${JSON.stringify(values)} vs ${JSON.stringify(value)} → ${holds}`,
    identity: [
      {
        Version: version,
        Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', Condition: { [op]: { [key]: values } } }],
      },
    ],
    ctx: value === undefined ? {} : { [key]: value },
    want: holds ? 'allowed' : 'implicitDeny',
  }));
}
