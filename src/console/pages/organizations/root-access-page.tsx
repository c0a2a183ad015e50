import { withFlash } from '../../ui/form-data.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { Account, EnabledServicePrincipal } from '../../../wire/generated/organizations.js';
import { ActionButton } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { OrgTabs, actThenRedirect, formString } from './org-shared.js';

const HOME = '/console/organizations/root-access';
const IAM = 'iam.amazonaws.com';
const FEATURES = [
  {
    id: 'RootCredentialsManagement',
    label: 'Root credentials management',
    about: 'Delete and audit root user credentials of member accounts, and allow password recovery.',
  },
  {
    id: 'RootSessions',
    label: 'Privileged root actions in member accounts',
    about: 'Take privileged tasks on member accounts with short-term root sessions (sts:AssumeRoot).',
  },
] as const;

/** Centralized root access: trusted access for IAM, the two features, and the member accounts. */
export function registerRootAccess(app: ConsoleApp): void {
  app.get('/organizations/root-access', async (c) => {
    const state = await loadState(c);
    return c.html(
      <Layout title="Root access management" {...await pageChrome(c, '/console/organizations')}>
        <OrgTabs active={HOME} />
        <FlashNotice c={c} />
        {state.error ? <ErrorNotice error={state.error} /> : null}
        <div class="card">
          <h2>Trusted access for AWS Identity and Access Management</h2>
          {state.trusted ? (
            <p data-testid="trusted-access">Enabled</p>
          ) : (
            <>
              <p data-testid="trusted-access">Disabled</p>
              <ActionButton action={`${HOME}/trusted-access`} csrf={c.var.csrf} label="Enable trusted access" />
            </>
          )}
        </div>
        <div class="card">
          <h2>Centralized root access for member accounts</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Capability</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {FEATURES.map((f) => {
                  const on = state.features.includes(f.id);
                  return (
                    <tr>
                      <th scope="row">
                        {f.label}
                        <p class="hint">{f.about}</p>
                      </th>
                      <td data-testid={`feature-${f.id}`}>{on ? 'Enabled' : 'Disabled'}</td>
                      <td>
                        <ActionButton
                          action={`${HOME}/features`}
                          csrf={c.var.csrf}
                          label={`${on ? 'Disable' : 'Enable'} ${f.label.toLowerCase()}`}
                          danger={on}
                          disabled={!state.trusted}
                          fields={{ feature: f.id, enable: on ? 'false' : 'true' }}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
        <h2>Member accounts</h2>
        <div class="table-wrap">
          <table data-testid="member-accounts">
            <thead>
              <tr>
                <th scope="col">Account name</th>
                <th scope="col">Account ID</th>
                <th scope="col">Email</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {state.members.map((a) => (
                <tr>
                  <td>{a.Name}</td>
                  <td class="mono">{a.Id}</td>
                  <td>{a.Email}</td>
                  <td>
                    <a href={`${HOME}/${encodeURIComponent(a.Id!)}`} aria-label={`Take privileged action on ${a.Name}`}>
                      Take privileged action
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });

  app.post('/organizations/root-access/trusted-access', (c) =>
    actThenRedirect(c, HOME, async () => {
      await c.var.call('organizations', 'EnableAWSServiceAccess', { ServicePrincipal: IAM });
      return 'Trusted access for AWS Identity and Access Management is enabled.';
    }),
  );

  app.post('/organizations/root-access/features', async (c) => {
    const id = await formString(c, 'feature');
    const enable = (await formString(c, 'enable')) === 'true';
    const known = FEATURES.find((f) => f.id === id);
    if (!known) return c.redirect(withFlash(c, HOME, 'error', 'Unknown feature.'), 302);
    return actThenRedirect(c, HOME, async () => {
      await c.var.call('iam', `${enable ? 'Enable' : 'Disable'}Organizations${id}`);
      return `${known.label}: ${enable ? 'enabled' : 'disabled'}.`;
    });
  });
}

async function loadState(
  c: ConsoleContext,
): Promise<{ trusted: boolean; features: string[]; members: Account[]; error?: unknown }> {
  const state: { trusted: boolean; features: string[]; members: Account[]; error?: unknown } = {
    trusted: false,
    features: [],
    members: [],
  };
  try {
    const access = await c.var.call<{ EnabledServicePrincipals?: EnabledServicePrincipal[] }>(
      'organizations',
      'ListAWSServiceAccessForOrganization',
    );
    state.trusted = (access.EnabledServicePrincipals ?? []).some((s) => s.ServicePrincipal === IAM);
    if (state.trusted)
      state.features =
        (await c.var.call<{ EnabledFeatures?: string[] }>('iam', 'ListOrganizationsFeatures')).EnabledFeatures ?? [];
    const { Organization } = await c.var.call<{ Organization: { MasterAccountId?: string } }>(
      'organizations',
      'DescribeOrganization',
    );
    state.members = (await listAccounts(c)).filter((a) => a.Id !== Organization.MasterAccountId);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    state.error = err;
  }
  return state;
}

async function listAccounts(c: ConsoleContext): Promise<Account[]> {
  const all: Account[] = [];
  let token: string | undefined;
  do {
    const out = await c.var.call<{ Accounts?: Account[]; NextToken?: string }>(
      'organizations',
      'ListAccounts',
      token ? { NextToken: token } : {},
    );
    all.push(...(out.Accounts ?? []));
    token = out.NextToken;
  } while (token);
  return all;
}
