import type { UserPrincipal } from './principal.js';

/**
 * What `--emulator` relaxes, toward what moto-based test suites rely on. Built once in server/
 * composition (server/emulator-relaxations.ts) and handed to the parts it changes; outside
 * emulator mode it does not exist, so every relaxation is off. Each one stays fail-closed: what is
 * accepted but not understood is stored, never honoured.
 */
export interface EmulatorRelaxations {
  /**
   * The caller an unknown access key acts as: an IAM user with full rights in the default
   * account (moto's `user/moto`). A user, not root, so it may assume roles.
   */
  defaultCaller: UserPrincipal;
  /**
   * Trust policies that are not valid policy JSON are stored verbatim (moto keeps any string);
   * AssumeRole, AssumeRoleWithWebIdentity and the like refuse such a role (AccessDenied).
   */
  verbatimTrustPolicies: boolean;
  /** Requests left that skip signature verification; Infinity until `/moto-api/reset-auth` sets a count. */
  noAuthRemaining: number;
  /** The count `/moto-api/reset-auth` last set (moto reports it back as the previous one). */
  noAuthCount: number;
}
