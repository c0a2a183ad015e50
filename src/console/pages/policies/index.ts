import type { ConsoleApp } from '../../env.js';
import { registerPolicyActions } from './policy-actions.js';
import { registerPolicyDetail } from './policy-detail.js';
import { registerPolicyEditor } from './policy-editor.js';
import { registerPolicyList } from './policy-list.js';
import { registerPolicyValidation } from './validate.js';

/** Managed policies: list, details with versions and entities, the JSON editor with live validation. */
export function registerPolicies(app: ConsoleApp): void {
  registerPolicyValidation(app);
  registerPolicyEditor(app);
  registerPolicyActions(app);
  registerPolicyDetail(app);
  registerPolicyList(app);
}
