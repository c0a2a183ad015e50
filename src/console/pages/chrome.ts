import type { ConsoleContext } from '../env.js';
import type { LayoutProps } from '../ui/layout.js';

/** The Layout props every signed-in page shares: session, CSRF token, and which optional areas the nav shows. */
export async function pageChrome(
  c: ConsoleContext,
  active: string,
): Promise<Pick<LayoutProps, 'session' | 'csrf' | 'organizations' | 'outbox' | 'active'>> {
  const { session, deps } = c.var;
  const management = session.principal.accountId === deps.managementAccountId;
  return {
    session,
    csrf: c.var.csrf,
    active,
    organizations: management,
    outbox: deps.outbox !== undefined && (deps.emulator || isOperator(c)),
  };
}

/** The operator: the management account's root user. */
export function isOperator(c: ConsoleContext): boolean {
  const p = c.var.session.principal;
  return p.kind === 'root' && p.accountId === c.var.deps.managementAccountId && p.session?.assumedRoot === undefined;
}
