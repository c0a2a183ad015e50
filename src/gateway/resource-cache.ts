import { ALL, type CacheBus } from '../shared/cache-bus.js';

/**
 * What the gateway learned of a backend's resources (their policies, their tags), cached per
 * resource ARN. A call through the gateway that changes a resource drops its entries on every
 * node (the cache bus); changes made behind the gateway's back are seen within `ttlMs`.
 */
export class ResourceCache<T> {
  readonly #entries = new Map<string, { at: number; value: Promise<T> }>();
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly bus: CacheBus,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {
    bus.subscribe((topic, id) => {
      if (topic !== 'gateway-resource') return;
      if (id === ALL) this.#entries.clear();
      else this.#drop(id);
    });
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.ttlMs) {
      this.stats.hits++;
      return hit.value;
    }
    this.stats.misses++;
    const value = load();
    // A failed load is not remembered: the next call asks again.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { at: now, value });
    return value;
  }

  /** Tells every node the resource changed. */
  invalidate(resourceArn: string): void {
    this.bus.publish('gateway-resource', resourceArn);
  }

  /** Entries are keyed `<kind> <arn>`: one resource's change drops all its kinds. */
  #drop(resourceArn: string): void {
    for (const key of this.#entries.keys()) if (key.endsWith(` ${resourceArn}`)) this.#entries.delete(key);
  }
}
