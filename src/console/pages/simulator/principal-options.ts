import type { ListGroupsResponse, ListRolesResponse, ListUsersResponse } from '../../../wire/generated/iam.js';
import type { ConsoleContext } from '../../env.js';

export interface PrincipalOption {
  value: string;
  label: string;
}

/** The users, groups and roles the simulator can take as its principal; a denied list is left out. */
export async function principalOptions(c: ConsoleContext): Promise<PrincipalOption[]> {
  const lists = await Promise.all([
    c.var.call<ListUsersResponse>('iam', 'ListUsers', { MaxItems: 1000 }).then(
      (o) => (o.Users ?? []).map((u) => ({ value: u.Arn, label: `User: ${u.UserName}` })),
      () => [],
    ),
    c.var.call<ListGroupsResponse>('iam', 'ListGroups', { MaxItems: 1000 }).then(
      (o) => (o.Groups ?? []).map((g) => ({ value: g.Arn, label: `Group: ${g.GroupName}` })),
      () => [],
    ),
    c.var.call<ListRolesResponse>('iam', 'ListRoles', { MaxItems: 1000 }).then(
      (o) => (o.Roles ?? []).map((r) => ({ value: r.Arn, label: `Role: ${r.RoleName}` })),
      () => [],
    ),
  ]);
  return lists.flat();
}

/** "a, b" or one per line. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Context keys as `key=value` lines; the type follows the value (true/false boolean, digits
 * numeric, otherwise string), as the simulator's console fields do for the global keys.
 */
export function contextEntries(
  text: string,
): Array<{ ContextKeyName: string; ContextKeyValues: string[]; ContextKeyType: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes('='))
    .map((line) => {
      const at = line.indexOf('=');
      const value = line.slice(at + 1).trim();
      const type = /^(true|false)$/i.test(value) ? 'boolean' : /^-?\d+$/.test(value) ? 'numeric' : 'string';
      return { ContextKeyName: line.slice(0, at).trim(), ContextKeyValues: [value], ContextKeyType: type };
    });
}
