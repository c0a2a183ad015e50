import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Db } from './db.js';

const SLOT = '\u0000ward-slot:';

interface Template {
  sql: string;
  query: CompiledQuery['query'];
  /** For each parameter, the slot it takes its value from, or the constant value itself. */
  sources: ({ slot: string } | { constant: unknown })[];
}

/**
 * A query of a hot path, built and compiled by kysely once per dialect and then run with new
 * values. Kysely rebuilds and recompiles a query's tree on every call (AssumeRole's session
 * insert spent ~20 µs there, more than SQLite's own work for the row); the SQL text and the order
 * of its parameters are the same every time, so only the values change.
 *
 * `build` receives a query builder and `slot(name)` to put where a value goes; `run` binds each slot from `values`.
 */
export class ReusableQuery<K extends string> {
  readonly #build: (db: Db, slot: (name: K) => string) => Compilable;
  /** Per dialect: one process may hold a SQLite and a PostgreSQL store (the test suite does). */
  readonly #templates = new WeakMap<object, Template>();

  constructor(build: (db: Db, slot: (name: K) => string) => Compilable) {
    this.#build = build;
  }

  run<R = unknown>(db: Db, values: Record<K, unknown>): Promise<QueryResult<R>> {
    const template = this.#template(db);
    const parameters = template.sources.map((s) => ('slot' in s ? values[s.slot as K] : s.constant));
    return db.executeQuery<R>({ sql: template.sql, query: template.query, parameters, queryId: { queryId: '' } });
  }

  #template(db: Db): Template {
    const adapter = db.getExecutor().adapter;
    let template = this.#templates.get(adapter);
    if (!template) {
      const compiled = this.#build(db, (name) => SLOT + name).compile();
      const sources = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(SLOT) ? { slot: p.slice(SLOT.length) } : { constant: p },
      );
      template = { sql: compiled.sql, query: compiled.query, sources };
      this.#templates.set(adapter, template);
    }
    return template;
  }
}
