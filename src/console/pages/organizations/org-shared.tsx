import type { ConsoleContext } from '../../env.js';
import { AwsError } from '../../../shared/aws-error.js';
import { withFlash } from '../../ui/form-data.js';
import type { Account, OrganizationalUnit, Root } from '../../../wire/generated/organizations.js';

/** The tabs of the AWS Organizations area, as AWS's console groups them. */
const TABS = [
  { href: '/console/organizations', label: 'AWS accounts' },
  { href: '/console/organizations/policies', label: 'Service control policies' },
  { href: '/console/organizations/root-access', label: 'Root access management' },
] as const;

export function OrgTabs({ active }: { active: (typeof TABS)[number]['href'] }) {
  return (
    <nav class="tabs" aria-label="AWS Organizations">
      {TABS.map((t) => (
        <a href={t.href} aria-current={t.href === active ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}

/** A form's string field, trimmed; '' when absent. */
export async function formString(c: ConsoleContext, name: string): Promise<string> {
  const v = (await c.req.parseBody())[name];
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * Runs a form's action and redirects back with its outcome, so a reload never repeats the POST.
 * An AWS error becomes `?error=` (its message); anything else is a real failure and propagates.
 */
export async function actThenRedirect(
  c: ConsoleContext,
  back: string,
  action: () => Promise<string>,
): Promise<Response> {
  let target: string;
  try {
    target = withFlash(c, back, 'notice', await action());
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    target = withFlash(
      c,
      back,
      'error',
      err.code === 'AccessDenied' || err.code === 'AccessDeniedException'
        ? `Access denied: ${err.message}`
        : err.message,
    );
  }
  return c.redirect(target, 302);
}

/** One node of the organization's tree: the root or an OU, with its accounts and child OUs. */
export interface TreeNode {
  id: string;
  name: string;
  kind: 'root' | 'ou';
  accounts: Account[];
  children: TreeNode[];
}

/** Every page of a paginated Organizations list. */
async function listAll<T>(c: ConsoleContext, operation: string, input: object, key: string): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const out = await c.var.call<Record<string, unknown> & { NextToken?: string }>('organizations', operation, {
      ...input,
      ...(token ? { NextToken: token } : {}),
    });
    items.push(...((out[key] as T[] | undefined) ?? []));
    token = out.NextToken;
  } while (token);
  return items;
}

export const listRoots = (c: ConsoleContext) => listAll<Root>(c, 'ListRoots', {}, 'Roots');

/** The tree under `parent`, read as the signed-in principal one level at a time (as AWS's console does). */
export async function loadTree(
  c: ConsoleContext,
  parent: { id: string; name: string; kind: 'root' | 'ou' },
): Promise<TreeNode> {
  const [accounts, ous] = await Promise.all([
    listAll<Account>(c, 'ListAccountsForParent', { ParentId: parent.id }, 'Accounts'),
    listAll<OrganizationalUnit>(c, 'ListOrganizationalUnitsForParent', { ParentId: parent.id }, 'OrganizationalUnits'),
  ]);
  const children = await Promise.all(ous.map((ou) => loadTree(c, { id: ou.Id!, name: ou.Name!, kind: 'ou' })));
  return { ...parent, accounts, children };
}

/** Every node of the tree, depth first, with its depth (for indented selects). */
export function flatten(node: TreeNode, depth = 0): Array<{ node: TreeNode; depth: number }> {
  return [{ node, depth }, ...node.children.flatMap((child) => flatten(child, depth + 1))];
}

export function allAccounts(tree: TreeNode): Account[] {
  return flatten(tree).flatMap(({ node }) => node.accounts);
}

export const date = (d: Date | undefined): string =>
  d
    ? d
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC')
    : '—';
