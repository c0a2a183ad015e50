import type { Caller } from '../auth/authenticate.js';
import type { GatewayDeps, RoutedService } from './gateway-deps.js';

/** Facts the IAM mapping asked for, by request, as the backend answered them. */
export type BackendFacts = ReadonlyMap<unknown, unknown>;

/** Fetches the facts the IAM mapping needs from the service's backend (none yet: wired with the mapping). */
export async function fetchFacts(
  _deps: GatewayDeps,
  _service: RoutedService,
  needed: readonly unknown[],
  _caller: Caller,
): Promise<BackendFacts> {
  return new Map(needed.map((n) => [n, undefined]));
}
