import type {
  GetPolicyResponse,
  GetPolicyVersionResponse,
  ListEntitiesForPolicyResponse,
  ListPolicyVersionsResponse,
  PolicyVersion,
} from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { ConfirmDelete } from '../../ui/confirm-delete.js';
import { formatDate } from '../../ui/form-data.js';
import { ActionButton } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice, Notice } from '../../ui/notices.js';
import { prettyPolicy } from '../../ui/policy-editor.js';
import { pageChrome } from '../chrome.js';
import { isAwsManaged, policyHref } from './policy-links.js';

interface PolicyView {
  policy: NonNullable<GetPolicyResponse['Policy']>;
  document: string;
  versions: PolicyVersion[];
  entities: ListEntitiesForPolicyResponse;
}

/** Everything the detail page shows; a denial of a part (versions, entities) is shown in place of that part. */
async function loadPolicy(c: ConsoleContext, arn: string): Promise<PolicyView> {
  const policy = (await c.var.call<GetPolicyResponse>('iam', 'GetPolicy', { PolicyArn: arn })).Policy!;
  const version = await c.var.call<GetPolicyVersionResponse>('iam', 'GetPolicyVersion', {
    PolicyArn: arn,
    VersionId: policy.DefaultVersionId,
  });
  const versions =
    (await c.var.call<ListPolicyVersionsResponse>('iam', 'ListPolicyVersions', { PolicyArn: arn })).Versions ?? [];
  const entities = await c.var.call<ListEntitiesForPolicyResponse>('iam', 'ListEntitiesForPolicy', { PolicyArn: arn });
  return { policy, document: prettyPolicy(version.PolicyVersion?.Document), versions, entities };
}

export function registerPolicyDetail(app: ConsoleApp): void {
  app.get('/policies/details', async (c) => {
    const arn = c.req.query('arn') ?? '';
    let view: PolicyView | undefined;
    let error: unknown;
    try {
      view = await loadPolicy(c, arn);
    } catch (err) {
      error = err;
    }
    const title = view?.policy.PolicyName ?? 'Policy';
    return c.html(
      <Layout title={title} {...await pageChrome(c, '/console/policies')}>
        <p>
          <a href="/console/policies">Policies</a> › {title}
        </p>
        <FlashNotice c={c} />
        {error ? <ErrorNotice error={error} /> : <PolicyDetail c={c} view={view!} />}
      </Layout>,
    );
  });
}

function PolicyDetail({ c, view }: { c: ConsoleContext; view: PolicyView }) {
  const { policy, versions, entities } = view;
  const arn = policy.Arn!;
  const managedByAws = isAwsManaged(arn);
  return (
    <>
      <div class="card">
        <h2>Policy details</h2>
        <dl class="summary">
          <dt>Type</dt>
          <dd>{managedByAws ? 'AWS managed' : 'Customer managed'}</dd>
          <dt>ARN</dt>
          <dd class="mono" data-testid="policy-arn">
            {arn}
          </dd>
          <dt>Description</dt>
          <dd>{policy.Description ?? '—'}</dd>
          <dt>Creation time</dt>
          <dd>{formatDate(policy.CreateDate)}</dd>
          <dt>Edited time</dt>
          <dd>{formatDate(policy.UpdateDate)}</dd>
        </dl>
      </div>
      <h2>Permissions defined in this policy</h2>
      {managedByAws ? null : (
        <p class="actions">
          <a class="button" href={policyHref(arn, 'edit')}>
            Edit
          </a>
        </p>
      )}
      <pre class="json mono" data-testid="policy-document" tabindex={0}>
        {view.document}
      </pre>
      <h2>Policy versions</h2>
      <div class="table-wrap">
        <table data-testid="policy-versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Created</th>
              <th scope="col">Default</th>
              {managedByAws ? null : <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>{v.VersionId}</td>
                <td>{formatDate(v.CreateDate)}</td>
                <td>{v.IsDefaultVersion ? 'Default' : '—'}</td>
                {managedByAws ? null : (
                  <td>
                    {v.IsDefaultVersion ? null : (
                      <>
                        <ActionButton
                          action="/console/policies/versions/default"
                          csrf={c.var.csrf}
                          label={`Set ${v.VersionId} as default`}
                          fields={{ arn, versionId: v.VersionId! }}
                        />
                        <ActionButton
                          action="/console/policies/versions/delete"
                          csrf={c.var.csrf}
                          label={`Delete ${v.VersionId}`}
                          danger
                          fields={{ arn, versionId: v.VersionId! }}
                          confirm={`Delete version ${v.VersionId}?`}
                        />
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EntitiesAttached entities={entities} />
      {managedByAws ? (
        <Notice kind="info">AWS managed policies can be attached but not changed or deleted.</Notice>
      ) : (
        <ConfirmDelete
          action="/console/policies/delete"
          csrf={c.var.csrf}
          name={policy.PolicyName!}
          what="policy"
          fields={{ arn }}
          warning="Deleting this policy first detaches it from every user, group and role it is attached to and deletes its non-default versions. This cannot be undone."
        />
      )}
    </>
  );
}

function EntitiesAttached({ entities }: { entities: ListEntitiesForPolicyResponse }) {
  const rows = [
    ...(entities.PolicyUsers ?? []).map((u) => ({
      name: u.UserName!,
      type: 'User',
      href: `/console/users/${encodeURIComponent(u.UserName!)}`,
    })),
    ...(entities.PolicyGroups ?? []).map((g) => ({
      name: g.GroupName!,
      type: 'Group',
      href: `/console/groups/${encodeURIComponent(g.GroupName!)}`,
    })),
    ...(entities.PolicyRoles ?? []).map((r) => ({
      name: r.RoleName!,
      type: 'Role',
      href: `/console/roles/${encodeURIComponent(r.RoleName!)}`,
    })),
  ];
  return (
    <>
      <h2>{`Entities attached (${rows.length})`}</h2>
      {rows.length === 0 ? (
        <p>This policy is not attached to any user, group or role.</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="policy-entities">
            <thead>
              <tr>
                <th scope="col">Entity name</th>
                <th scope="col">Entity type</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={r.href}>{r.name}</a>
                  </td>
                  <td>{r.type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
