import { accessKeyHandlers } from './access-keys.js';
import { accountHandlers } from './account.js';
import { groupHandlers } from './groups.js';
import type { IamDeps, IamHandlers } from './types.js';
import { userHandlers } from './users.js';

export type { IamDeps, IamHandlers } from './types.js';

/** Every IAM operation Ward implements; the wire layer answers the rest as unsupported. */
export function createIamHandlers(deps: IamDeps): IamHandlers {
  return { ...userHandlers(deps), ...groupHandlers(deps), ...accessKeyHandlers(deps), ...accountHandlers(deps) };
}
