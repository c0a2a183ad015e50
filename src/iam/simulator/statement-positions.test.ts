import { describe, expect, it } from 'vitest';
import { statementPositions } from './statement-positions.js';

describe('statementPositions', () => {
  it('finds each statement of an array, with 1-based lines and columns', () => {
    const doc =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},\n    {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}\n  ]\n}';
    expect(statementPositions(doc)).toEqual([
      { start: { Line: 4, Column: 5 }, end: { Line: 4, Column: 58 } },
      { start: { Line: 5, Column: 5 }, end: { Line: 5, Column: 63 } },
    ]);
  });

  it('treats a single statement object as statement 0, and copes with strings holding brackets', () => {
    const doc = '{"Statement":{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::1:user/[x]\\"}"}}';
    expect(statementPositions(doc)).toEqual([
      { start: { Line: 1, Column: 14 }, end: { Line: 1, Column: doc.length - 1 } },
    ]);
  });

  it('returns nothing for text that is not a policy object', () => {
    expect(statementPositions('[1,2]')).toEqual([]);
    expect(statementPositions('{"Statement": [')).toEqual([]);
  });
});
