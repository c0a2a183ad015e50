/**
 * Invalidation messages for the hot-path caches (credentials, principals, policies).
 * One process uses the in-memory bus; a PostgreSQL deployment relays the same messages
 * between nodes, so every node drops a stale entry.
 */
/**
 * `policies` (id `*`) drops every cached policy set: attachments, versions, group membership and
 * boundaries each change what many principals may do, and such writes are rare.
 * `gateway-resource` (id: a resource ARN) drops what the gateway cached of a backend's resource
 * (its policy, its tags) after a call through any node changed it.
 */
export type InvalidationTopic = 'access-key' | 'user' | 'account' | 'policies' | 'gateway-resource';

/**
 * The ID that means every entry of its topic: a node whose PostgreSQL listener was
 * disconnected may have missed invalidations, so it drops all it has cached.
 */
export const ALL = '*';

export interface CacheBus {
  publish(topic: InvalidationTopic, id: string): void;
  subscribe(listener: (topic: InvalidationTopic, id: string) => void): () => void;
}

export class LocalCacheBus implements CacheBus {
  readonly #listeners = new Set<(topic: InvalidationTopic, id: string) => void>();

  publish(topic: InvalidationTopic, id: string): void {
    for (const l of this.#listeners) l(topic, id);
  }

  subscribe(listener: (topic: InvalidationTopic, id: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
