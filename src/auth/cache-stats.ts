/**
 * Lookups a cache answered from memory (hits) and those that went to the store or the compiler
 * (misses). Plain numbers bumped on the request path and read only when metrics are scraped, so
 * counting costs an increment and the auth domain needs no metrics library.
 */
export interface CacheStats {
  hits: number;
  misses: number;
}
