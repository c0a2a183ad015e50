import type { ListPoliciesResponse, Policy } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { formatDate } from '../../ui/form-data.js';
import { Field, Select } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { isAwsManaged, policyHref } from './policy-links.js';

const PAGE_SIZE = 25;
const SCOPES = [
  { value: 'All', label: 'All types' },
  { value: 'AWS', label: 'AWS managed' },
  { value: 'Local', label: 'Customer managed' },
];

/**
 * One page of ListPolicies. ListPolicies cannot filter by name, so a search walks every page
 * and filters here, as AWS's console does.
 */
async function loadPolicies(
  c: ConsoleContext,
  scope: string,
  search: string,
  marker: string | undefined,
): Promise<{ policies: Policy[]; next?: string | undefined }> {
  if (!search) {
    const out = await c.var.call<ListPoliciesResponse>('iam', 'ListPolicies', {
      Scope: scope,
      MaxItems: PAGE_SIZE,
      ...(marker ? { Marker: marker } : {}),
    });
    return { policies: out.Policies ?? [], next: out.IsTruncated ? out.Marker : undefined };
  }
  const needle = search.toLowerCase();
  const found: Policy[] = [];
  let cursor: string | undefined;
  do {
    const out = await c.var.call<ListPoliciesResponse>('iam', 'ListPolicies', {
      Scope: scope,
      MaxItems: 1000,
      ...(cursor ? { Marker: cursor } : {}),
    });
    found.push(...(out.Policies ?? []).filter((p) => (p.PolicyName ?? '').toLowerCase().includes(needle)));
    cursor = out.IsTruncated ? out.Marker : undefined;
  } while (cursor);
  return { policies: found };
}

export function registerPolicyList(app: ConsoleApp): void {
  app.get('/policies', async (c) => {
    const scope = SCOPES.some((s) => s.value === c.req.query('scope')) ? c.req.query('scope')! : 'All';
    const search = (c.req.query('search') ?? '').trim();
    let result: { policies: Policy[]; next?: string | undefined } | undefined;
    let error: unknown;
    try {
      result = await loadPolicies(c, scope, search, c.req.query('marker'));
    } catch (err) {
      error = err;
    }
    const nextHref = result?.next
      ? `/console/policies?${new URLSearchParams({ scope, marker: result.next })}`
      : undefined;
    return c.html(
      <Layout title="Policies" {...await pageChrome(c, '/console/policies')}>
        <FlashNotice c={c} />
        <p class="actions">
          <a class="button" href="/console/policies/create">
            Create policy
          </a>
        </p>
        <form method="get" action="/console/policies" class="card filters" role="search">
          <Select label="Filter by type" name="scope" options={SCOPES} value={scope} />
          <Field label="Search policies by name" name="search" type="search" value={search} />
          <button type="submit" class="secondary">
            Search
          </button>
        </form>
        {error ? <ErrorNotice error={error} /> : <PolicyTable policies={result?.policies ?? []} />}
        {nextHref ? (
          <p>
            <a href={nextHref}>Next page</a>
          </p>
        ) : null}
      </Layout>,
    );
  });
}

function PolicyTable({ policies }: { policies: Policy[] }) {
  if (policies.length === 0) return <p>No policies to display.</p>;
  return (
    <div class="table-wrap">
      <table data-testid="policies">
        <caption class="hint">{`Policies (${policies.length})`}</caption>
        <thead>
          <tr>
            <th scope="col">Policy name</th>
            <th scope="col">Type</th>
            <th scope="col">Used as</th>
            <th scope="col">Last edited</th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr>
              <td>
                <a href={policyHref(p.Arn ?? '')}>{p.PolicyName}</a>
              </td>
              <td>{isAwsManaged(p.Arn ?? '') ? 'AWS managed' : 'Customer managed'}</td>
              <td>{(p.AttachmentCount ?? 0) > 0 ? `Permissions policy (${p.AttachmentCount})` : 'None'}</td>
              <td>{formatDate(p.UpdateDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
