import type { CallContext, RequestConditionKeys } from '../../shared/call-context.js';
import type { IamStore } from '../iam-store.js';
import type { Tag } from '../records.js';
import type { TaggableKind } from './tag-repo.js';
import {
  TAG_RULES,
  checkTagLimit,
  keyIdentity,
  tagConditionKeys,
  tagsFromRequest,
  untagConditionKeys,
} from './tag-rules.js';
import { offsetPage } from '../core/paging.js';

type WireTags = ReadonlyArray<{ Key: string; Value: string }>;

/** How one kind of resource is found and authorized; everything else about its tags is shared. */
export interface Taggable<I, R> {
  kind: TaggableKind;
  /** The resource the input names, once `action` is authorized on it with `keys` in the request's context. */
  find(ctx: CallContext, input: I, action: string, keys: RequestConditionKeys | undefined): Promise<R>;
  id(resource: R): string;
  /** After a change commits: tags that are aws:PrincipalTag values invalidate cached principals. */
  changed?(resource: R): void;
}

/** Tag*, Untag* and List*Tags for one kind of resource, the same rules for every kind. */
export function taggingOperations<I, R>(store: IamStore, spec: Taggable<I, R>) {
  const rules = TAG_RULES[spec.kind];
  const identity = keyIdentity(spec.kind);
  return {
    async tag(input: I & { Tags: WireTags }, ctx: CallContext): Promise<Record<string, never>> {
      const tags = tagsFromRequest(spec.kind, input.Tags);
      const resource = await spec.find(ctx, input, rules.tag, tagConditionKeys(tags));
      const id = spec.id(resource);
      await store.transaction(async (tx) => {
        const keys = new Set((await tx.tags.list(spec.kind, id)).map((t) => identity(t.key)));
        for (const t of tags) keys.add(identity(t.key));
        checkTagLimit(keys.size);
        await tx.tags.put(spec.kind, id, tags);
      });
      spec.changed?.(resource);
      return {};
    },

    async untag(input: I & { TagKeys: readonly string[] }, ctx: CallContext): Promise<Record<string, never>> {
      const resource = await spec.find(ctx, input, rules.untag, untagConditionKeys(input.TagKeys));
      const id = spec.id(resource);
      await store.transaction((tx) => tx.tags.remove(spec.kind, id, input.TagKeys));
      spec.changed?.(resource);
      return {};
    },

    async list(input: I & { Marker?: string; MaxItems?: number }, ctx: CallContext) {
      const resource = await spec.find(ctx, input, rules.list, undefined);
      const { items, ...page } = offsetPage(await store.tags.list(spec.kind, spec.id(resource)), input);
      return { Tags: items.map((t) => ({ Key: t.key, Value: t.value })), ...page };
    },
  };
}

/**
 * Creating a resource with tags needs the kind's Tag action too, with the same aws:RequestTag and
 * aws:TagKeys keys ("Tagging IAM resources"), and the tags count against the 50-tag limit.
 */
export async function authorizeNewResourceTags(
  ctx: CallContext,
  kind: TaggableKind,
  arn: string,
  tags: readonly Tag[],
): Promise<void> {
  if (tags.length > 0) await ctx.authorize(TAG_RULES[kind].tag, arn, tagConditionKeys(tags));
  checkTagLimit(tags.length);
}
