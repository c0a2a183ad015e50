import { iamErrors } from '../errors.js';
import { IAM_QUOTAS } from '../quotas.js';
import type { Tag } from '../records.js';

/** Tags from the wire; IAM treats keys that differ only in case as duplicates. */
export function tagsFromWire(tags: ReadonlyArray<{ Key: string; Value: string }> | undefined): Tag[] {
  const seen = new Set<string>();
  const out: Tag[] = [];
  for (const t of tags ?? []) {
    const lower = t.Key.toLowerCase();
    if (seen.has(lower)) throw iamErrors.invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(lower);
    out.push({ key: t.Key, value: t.Value });
  }
  return out;
}

/** IAM allows 50 tags on an entity, counting those it already has. */
export function checkTagLimit(count: number): void {
  if (count > IAM_QUOTAS.TagsPerEntity) throw iamErrors.tooManyTags();
}
