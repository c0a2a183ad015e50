import type { Tag } from '../records.js';

/** Every IAM resource that carries tags. */
export type TaggableKind =
  | 'user'
  | 'role'
  | 'instance-profile'
  | 'policy'
  | 'mfa-device'
  | 'oidc-provider'
  | 'saml-provider'
  | 'server-certificate';

/**
 * The store port for tags, one for every taggable resource: `id` is the resource's own key (user
 * ID, role ID, instance profile ID, policy ID, MFA serial number, OIDC provider ARN).
 */
export interface TagRepo {
  /** The resource's tags in IAM's listing order for its kind. */
  list(kind: TaggableKind, id: string): Promise<Tag[]>;
  /** Adds tags; one whose key matches a stored key (under the kind's key rule) replaces it. */
  put(kind: TaggableKind, id: string, tags: readonly Tag[]): Promise<void>;
  /** Removes the tags with these keys (under the kind's key rule); unknown keys are ignored. */
  remove(kind: TaggableKind, id: string, keys: readonly string[]): Promise<void>;
}
