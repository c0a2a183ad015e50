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

/** Emulator-mode switches, as moto's server offers them. */
export interface EmulatorAuth {
  defaultAccountId: string;
  /** Requests left that skip signature verification (`/moto-api/reset-auth`). */
  skipRemaining: number;
}
