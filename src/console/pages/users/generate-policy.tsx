import type { ConsoleApp } from '../../env.js';
import { GeneratePolicyTab } from '../policy-generation/page.js';
import { userPath } from './common.js';
import { userPage } from './user-page.js';

/** The user's "Generate policy" tab: a least-privilege policy from the user's events (IAM Access Analyzer). */
export function registerUserGeneratePolicy(app: ConsoleApp): void {
  app.get('/users/:name/generate-policy', (c) =>
    userPage(c, 'Generate policy', (user) => (
      <GeneratePolicyTab
        c={c}
        target={{ kind: 'user', name: user.UserName, arn: user.Arn }}
        action={`${userPath(user.UserName)}/generate-policy`}
      />
    )),
  );
}
