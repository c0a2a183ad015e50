import type { AwsError } from '../../shared/aws-error.js';
import type { RequestConditionKeys } from '../../shared/call-context.js';
import { iamErrors } from '../errors.js';
import { IAM_QUOTAS } from '../quotas.js';
import type { Tag } from '../records.js';
import type { TaggableKind } from './tag-repo.js';

interface KindRules {
  tag: string;
  untag: string;
  list: string;
  /**
   * Customer managed policies keep `a` and `A` as two keys (AWS answers their duplicates without
   * the case note); every other IAM resource treats keys that differ only in case as one.
   */
  caseSensitiveKeys: boolean;
}

export const TAG_RULES: Readonly<Record<TaggableKind, KindRules>> = {
  user: { tag: 'iam:TagUser', untag: 'iam:UntagUser', list: 'iam:ListUserTags', caseSensitiveKeys: false },
  role: { tag: 'iam:TagRole', untag: 'iam:UntagRole', list: 'iam:ListRoleTags', caseSensitiveKeys: false },
  'instance-profile': {
    tag: 'iam:TagInstanceProfile',
    untag: 'iam:UntagInstanceProfile',
    list: 'iam:ListInstanceProfileTags',
    caseSensitiveKeys: false,
  },
  policy: { tag: 'iam:TagPolicy', untag: 'iam:UntagPolicy', list: 'iam:ListPolicyTags', caseSensitiveKeys: true },
  'mfa-device': {
    tag: 'iam:TagMFADevice',
    untag: 'iam:UntagMFADevice',
    list: 'iam:ListMFADeviceTags',
    caseSensitiveKeys: false,
  },
  'oidc-provider': {
    tag: 'iam:TagOpenIDConnectProvider',
    untag: 'iam:UntagOpenIDConnectProvider',
    list: 'iam:ListOpenIDConnectProviderTags',
    caseSensitiveKeys: false,
  },
  'saml-provider': {
    tag: 'iam:TagSAMLProvider',
    untag: 'iam:UntagSAMLProvider',
    list: 'iam:ListSAMLProviderTags',
    caseSensitiveKeys: false,
  },
  'server-certificate': {
    tag: 'iam:TagServerCertificate',
    untag: 'iam:UntagServerCertificate',
    list: 'iam:ListServerCertificateTags',
    caseSensitiveKeys: false,
  },
};

/** The form of a key under which two keys of this kind are the same key. */
export function keyIdentity(kind: TaggableKind): (key: string) => string {
  return TAG_RULES[kind].caseSensitiveKeys ? (key) => key : (key) => key.toLowerCase();
}

function duplicateKeys(kind: TaggableKind): AwsError {
  return TAG_RULES[kind].caseSensitiveKeys
    ? iamErrors.duplicatePolicyTagKeys()
    : iamErrors.invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
}

/** A request's tags, refused when two keys are the same key for this kind. */
export function tagsFromRequest(
  kind: TaggableKind,
  tags: ReadonlyArray<{ Key: string; Value: string }> | undefined,
): Tag[] {
  const identity = keyIdentity(kind);
  const seen = new Set<string>();
  const out: Tag[] = [];
  for (const t of tags ?? []) {
    const id = identity(t.Key);
    if (seen.has(id)) throw duplicateKeys(kind);
    seen.add(id);
    out.push({ key: t.Key, value: t.Value });
  }
  return out;
}

/** IAM allows 50 tags on a resource, counting those it already has. */
export function checkTagLimit(count: number): void {
  if (count > IAM_QUOTAS.TagsPerEntity) throw iamErrors.tooManyTags();
}

/** aws:RequestTag/<key> and aws:TagKeys for a request that carries tags. */
export function tagConditionKeys(tags: readonly Tag[]): RequestConditionKeys | undefined {
  if (tags.length === 0) return undefined;
  const keys: RequestConditionKeys = { 'aws:TagKeys': tags.map((t) => t.key) };
  for (const t of tags) keys[`aws:RequestTag/${t.key}`] = t.value;
  return keys;
}

/** aws:TagKeys for a request that removes tags. */
export const untagConditionKeys = (keys: readonly string[]): RequestConditionKeys => ({ 'aws:TagKeys': [...keys] });
