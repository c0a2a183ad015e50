import type { ContextEntry } from '../../wire/generated/iam.js';
import { iamErrors } from '../errors.js';

/**
 * The simulator's ContextEntries as condition context: `…List` types are multivalued keys, the
 * others take their single value ("Testing IAM policies with the IAM policy simulator").
 */
export function contextFromEntries(entries: ContextEntry[] | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const e of entries ?? []) {
    if (!e.ContextKeyName || !e.ContextKeyType)
      throw iamErrors.invalidInput('Each context entry needs ContextKeyName and ContextKeyType.');
    const values = e.ContextKeyValues ?? [];
    if (e.ContextKeyType.endsWith('List')) out[e.ContextKeyName] = values;
    else if (values.length > 0) out[e.ContextKeyName] = values[0]!;
  }
  return out;
}
