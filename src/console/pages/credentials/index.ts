import type { ConsoleApp } from '../../env.js';
import { registerAccessKeyRoutes } from './access-keys.js';
import { registerMfaAssign } from './mfa-assign.js';
import { registerMfaRemoval } from './mfa-section.js';
import { registerCredentialsPages } from './page.js';
import { registerConsoleAccessRoutes } from './password.js';
import { registerRootAccountRoutes } from './root-account.js';
import { registerUploadedRoutes } from './uploaded.js';

/** "My security credentials" for root and IAM users, and the Security credentials tab of a user's detail page. */
export function registerCredentials(app: ConsoleApp): void {
  registerCredentialsPages(app);
  registerAccessKeyRoutes(app);
  registerMfaAssign(app);
  registerMfaRemoval(app);
  registerUploadedRoutes(app);
  registerConsoleAccessRoutes(app);
  registerRootAccountRoutes(app);
}
