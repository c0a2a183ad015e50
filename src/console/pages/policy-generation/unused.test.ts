import { describe, expect, it } from 'vitest';
import { grantedButUnused } from './unused.js';

const CATALOG: Record<string, string[]> = {
  iam: ['CreateUser', 'DeleteUser', 'GetUser', 'ListUsers'],
  s3: ['GetObject', 'PutObject'],
};
const actionsOf = (service: string) => CATALOG[service];
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

describe('grantedButUnused', () => {
  it('expands wildcards over the service, less what was used, case-insensitively', () => {
    const policies = [
      {
        source: 'Broad (inline)',
        document: doc({ Effect: 'Allow', Action: ['iam:*User*', 's3:GetObject'], Resource: '*' }),
      },
    ];
    expect(grantedButUnused(policies, ['IAM:getuser', 's3:GetObject'], actionsOf)).toEqual([
      {
        source: 'Broad (inline)',
        pattern: 'iam:*User*',
        unused: ['iam:CreateUser', 'iam:DeleteUser', 'iam:ListUsers'],
        everything: false,
        usedCount: 1,
      },
    ]);
  });

  it('reports every-action grants as such, ignores Deny statements and unreadable documents', () => {
    const policies = [
      { source: 'Admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
      { source: 'Not', document: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) },
      { source: 'Guard', document: doc({ Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }) },
      { source: 'Broken', document: '{' },
    ];
    expect(grantedButUnused(policies, ['iam:GetUser'], actionsOf)).toEqual([
      { source: 'Admin', pattern: '*', unused: [], everything: true, usedCount: 1 },
      { source: 'Not', pattern: 'NotAction iam:*', unused: [], everything: true, usedCount: 1 },
    ]);
  });

  it('names a pattern of a service without an action list when nothing used matches it', () => {
    const policies = [
      { source: 'X', document: doc({ Effect: 'Allow', Action: ['acme:Get*', 'acme:Put'], Resource: '*' }) },
    ];
    expect(grantedButUnused(policies, ['acme:GetThing'], actionsOf).map((u) => u.unused)).toEqual([['acme:Put']]);
  });
});
