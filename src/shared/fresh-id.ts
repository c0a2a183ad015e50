import { UniqueViolation } from './unique-violation.js';

/**
 * Runs `attempt` again, up to `tries` times, while the ID it drew is taken (the store's
 * UniqueViolation). An AWS-style key ID carries its account and only 40 random bits (ids.ts), so
 * two of one account's keys or sessions meet by chance after about a million: the caller must draw
 * its ID inside `attempt`.
 */
export async function withFreshId<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof UniqueViolation) || i >= tries) throw err;
    }
  }
}
