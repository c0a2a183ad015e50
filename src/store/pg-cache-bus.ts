import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ALL, type CacheBus, type InvalidationTopic, LocalCacheBus } from '../shared/cache-bus.js';

/** The one PostgreSQL channel every Ward node listens on. */
export const CACHE_CHANNEL = 'ward_cache';

/** Topics dropped whole when notifications may have been missed. */
const EVERY_TOPIC: readonly InvalidationTopic[] = ['access-key', 'user', 'account', 'policies', 'gateway-resource'];

export interface PgCacheBusOptions {
  /** Where the listening connection goes (the store's database). */
  connectionString: string;
  /** Sends the NOTIFY; the store's pool, so publishing needs no connection of its own. */
  pool: pg.Pool;
  /** Told about lost connections and failed sends; the bus carries on. */
  onError?: (err: unknown, message: string) => void;
  /** Names this node in its notifications so it can skip its own; random by default. */
  nodeId?: string;
  /** The listening connection is checked this often; a silent drop is noticed within about twice this. */
  heartbeatMs?: number;
  /** Reconnect backoff: from the first value, doubling, up to the second. */
  reconnectDelayMs?: readonly [number, number];
}

/**
 * The cache bus of a PostgreSQL deployment: LISTEN/NOTIFY on one channel.
 *
 * `publish` delivers to this node's subscribers at once, then sends
 * `pg_notify('ward_cache', '<nodeId> <topic>:<id>')`; every other node's listener delivers
 * it to its own subscribers (a node skips notifications carrying its own ID, which it has
 * already delivered). Handlers publish after their transaction commits, so a node that
 * drops a cache entry on the notification reads the committed row.
 *
 * NOTIFY is not queued for a disconnected listener. When the listening connection drops the
 * bus drops every cached entry (the `*` ID of every topic), reconnects with backoff, and
 * drops everything once more when LISTEN is back, so what was missed in between cannot
 * linger. A heartbeat query notices a connection that died without closing.
 */
export class PgCacheBus implements CacheBus {
  readonly nodeId: string;
  readonly #local = new LocalCacheBus();
  readonly #options: PgCacheBusOptions;
  #client: pg.Client | undefined;
  #closed = false;
  #reconnectAttempt = 0;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #heartbeatTimer: NodeJS.Timeout | undefined;
  #outbox: string[] = [];
  #sending: Promise<void> | undefined;

  private constructor(options: PgCacheBusOptions) {
    this.#options = options;
    this.nodeId = options.nodeId ?? randomBytes(8).toString('hex');
  }

  /** Connects and listens before resolving; fails if the database cannot be reached. */
  static async start(options: PgCacheBusOptions): Promise<PgCacheBus> {
    const bus = new PgCacheBus(options);
    await bus.#listen();
    return bus;
  }

  /** True while the listening connection is up. */
  get listening(): boolean {
    return this.#client !== undefined;
  }

  publish(topic: InvalidationTopic, id: string): void {
    this.#local.publish(topic, id);
    if (this.#closed) return;
    this.#outbox.push(`${this.nodeId} ${topic}:${id}`);
    this.#kick();
  }

  #kick(): void {
    if (this.#sending || this.#outbox.length === 0) return;
    this.#sending = this.#send().finally(() => {
      this.#sending = undefined;
      this.#kick();
    });
  }

  /** Resolves once everything published so far has been handed to PostgreSQL. */
  async flushed(): Promise<void> {
    while (this.#sending) await this.#sending;
  }

  /**
   * One NOTIFY statement at a time, carrying everything published meanwhile: other nodes
   * hear this node's invalidations in the order it published them, and a burst of writes
   * costs one round trip, not one each. A send that fails is retried (with backoff, until
   * the bus closes): a lost invalidation would leave a deleted key usable on other nodes.
   */
  async #send(): Promise<void> {
    let failures = 0;
    while (this.#outbox.length > 0) {
      const batch = this.#outbox.splice(0);
      try {
        // One transaction: PostgreSQL delivers its notifications in the order they were sent.
        await this.#options.pool.query('select pg_notify($1, payload) from unnest($2::text[]) as payload', [
          CACHE_CHANNEL,
          batch,
        ]);
        failures = 0;
      } catch (err) {
        if (this.#closed) {
          this.#error(err, `${batch.length} cache invalidation(s) were not sent to the other nodes before closing`);
          return;
        }
        this.#error(err, `${batch.length} cache invalidation(s) not yet sent to the other nodes; retrying`);
        this.#outbox.unshift(...batch);
        const delay = Math.min(2000, 50 * 2 ** failures++);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  subscribe(listener: (topic: InvalidationTopic, id: string) => void): () => void {
    return this.#local.subscribe(listener);
  }

  /** Sends what is still queued (once more, if sending fails), then stops listening. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.flushed();
    clearTimeout(this.#reconnectTimer);
    clearInterval(this.#heartbeatTimer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#options.connectionString,
      application_name: 'ward-cache-bus',
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    client.on('notification', (msg) => {
      if (msg.channel === CACHE_CHANNEL && msg.payload !== undefined) this.#receive(msg.payload);
    });
    client.on('error', (err) => this.#lost(client, err));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    const every = this.#options.heartbeatMs ?? 5000;
    this.#heartbeatTimer = setInterval(() => this.#heartbeat(client, every), every).unref();
  }

  #heartbeat(client: pg.Client, timeoutMs: number): void {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no heartbeat answer within ${timeoutMs} ms`)), timeoutMs).unref();
    });
    Promise.race([client.query('select 1'), timeout])
      .catch((err: unknown) => this.#lost(client, err))
      .finally(() => clearTimeout(timer));
  }

  #receive(payload: string): void {
    const space = payload.indexOf(' ');
    const colon = payload.indexOf(':', space + 1);
    if (space <= 0 || colon < 0) return;
    if (payload.slice(0, space) === this.nodeId) return;
    this.#deliver(payload.slice(space + 1, colon) as InvalidationTopic, payload.slice(colon + 1));
  }

  #deliver(topic: InvalidationTopic, id: string): void {
    try {
      this.#local.publish(topic, id);
    } catch (err) {
      this.#error(err, `a cache listener failed on ${topic}:${id}`);
    }
  }

  /** Nothing said while no listener was connected reached this node: forget every cached entry. */
  #dropEverything(): void {
    for (const topic of EVERY_TOPIC) this.#deliver(topic, ALL);
  }

  #lost(client: pg.Client, err: unknown): void {
    if (client !== this.#client) return;
    this.#client = undefined;
    clearInterval(this.#heartbeatTimer);
    client.end().catch(() => undefined);
    if (this.#closed) return;
    this.#error(err, 'cache bus lost its PostgreSQL connection; reconnecting');
    this.#dropEverything();
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed) return;
    const [first, most] = this.#options.reconnectDelayMs ?? [100, 2000];
    const ceiling = Math.min(most, first * 2 ** this.#reconnectAttempt++);
    const delay = ceiling / 2 + (Math.random() * ceiling) / 2;
    this.#reconnectTimer = setTimeout(() => {
      this.#listen().then(
        () => {
          this.#reconnectAttempt = 0;
          if (!this.#closed) this.#dropEverything();
        },
        (err: unknown) => {
          this.#error(err, 'cache bus could not reconnect to PostgreSQL; retrying');
          this.#scheduleReconnect();
        },
      );
    }, delay).unref();
  }

  #error(err: unknown, message: string): void {
    this.#options.onError?.(err, message);
  }
}
