import { UniqueViolation } from '../../shared/unique-violation.js';

/** A uniqueness race lost to another writer reads as the same error the pre-check gives. */
export function rethrowAs(error: () => Error) {
  return (err: unknown): never => {
    if (err instanceof UniqueViolation) throw error();
    throw err;
  };
}
