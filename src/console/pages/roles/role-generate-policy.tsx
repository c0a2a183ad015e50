import type { ConsoleApp } from '../../env.js';
import { GeneratePolicyTab } from '../policy-generation/page.js';
import { roleHref } from './role-links.js';
import { rolePage } from './role-page.js';

/** The role's "Generate policy" tab: a least-privilege policy from its sessions' events (IAM Access Analyzer). */
export function registerRoleGeneratePolicy(app: ConsoleApp): void {
  app.get('/roles/:name/generate-policy', (c) =>
    rolePage(c, 'Generate policy', (role) => (
      <GeneratePolicyTab
        c={c}
        target={{ kind: 'role', name: role.RoleName, arn: role.Arn }}
        action={roleHref(role.RoleName, '/generate-policy')}
      />
    )),
  );
}
