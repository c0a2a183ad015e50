import type { Principal } from '../shared/principal.js';

/** The authenticated caller of one request. */
export interface Caller {
  principal: Principal;
  accessKeyId?: string;
  /** From the SigV4 credential scope. */
  region: string;
  service: string;
  /** An unsigned request to an operation AWS serves anonymously. */
  anonymous?: boolean;
}
