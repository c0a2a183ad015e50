import type {
  ListOpenIDConnectProvidersResponse,
  ListPoliciesResponse,
  ListSAMLProvidersResponse,
  Policy,
} from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import { type ConsoleApp, type ConsoleContext, baseUrlOf } from '../../env.js';
import { formList, formText, withFlash } from '../../ui/form-data.js';
import { Checkbox, Csrf, Field, Select } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, Notice } from '../../ui/notices.js';
import { PolicyEditor } from '../../ui/policy-editor.js';
import { RadioGroup } from '../../ui/radio-group.js';
import { pageChrome } from '../chrome.js';
import { roleHref } from './role-links.js';
import { SERVICE_PRINCIPALS, type TrustChoice, trustChoiceOf, trustPolicyFor } from './trust-templates.js';

/** AWS's console offers whole hours from 1 to 12 (MaxSessionDuration 3600–43200). */
export const SESSION_DURATIONS = Array.from({ length: 12 }, (_, i) => ({
  value: String((i + 1) * 3600),
  label: i === 0 ? '1 hour' : `${i + 1} hours`,
}));

interface RoleValues {
  document: string;
  name: string;
  description: string;
  maxSession: string;
  policies: string[];
}

async function oidcProviders(c: ConsoleContext): Promise<string[]> {
  try {
    return (
      (await c.var.call<ListOpenIDConnectProvidersResponse>('iam', 'ListOpenIDConnectProviders'))
        .OpenIDConnectProviderList ?? []
    ).map((p) => p.Arn!);
  } catch {
    // Without iam:ListOpenIDConnectProviders the web identity choice just has nothing to offer.
    return [];
  }
}

async function samlProviders(c: ConsoleContext): Promise<string[]> {
  try {
    return ((await c.var.call<ListSAMLProvidersResponse>('iam', 'ListSAMLProviders')).SAMLProviderList ?? []).map(
      (p) => p.Arn!,
    );
  } catch {
    return [];
  }
}

/** What AWS's console refuses on the trusted-entity step before it writes a trust policy. */
function choiceProblem(choice: TrustChoice, wantsExternalId: boolean): string | undefined {
  if (choice.entity === 'account' && choice.account === 'another' && !/^\d{12}$/.test(choice.accountId))
    return 'Account ID must be 12 digits.';
  if (choice.entity === 'account' && wantsExternalId && !choice.externalId)
    return 'Enter an external ID, or clear Require external ID.';
  if (choice.entity === 'web-identity' && !choice.provider) return 'Choose an identity provider.';
  if (choice.entity === 'web-identity' && !choice.audience) return 'Enter the audience.';
  if (choice.entity === 'saml' && !choice.samlProvider) return 'Choose a SAML 2.0-based provider.';
  return undefined;
}

/** Step 1, "Select trusted entity": a GET form, since choosing changes nothing. */
async function trustedEntityStep(c: ConsoleContext, problem?: string) {
  const [providers, saml] = await Promise.all([oidcProviders(c), samlProviders(c)]);
  return c.html(
    <Layout title="Create role" {...await pageChrome(c, '/console/roles')}>
      <p>
        <a href="/console/roles">Roles</a> › Create role › Step 1: Select trusted entity
      </p>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <form method="get" action="/console/roles/create/details" class="card" data-entity-form>
        <RadioGroup
          legend="Trusted entity type"
          name="entity"
          value="service"
          options={[
            {
              value: 'service',
              label: 'AWS service',
              hint: 'Allow AWS services like EC2 or Lambda to perform actions in this account.',
            },
            {
              value: 'account',
              label: 'AWS account',
              hint: 'Allow entities in other AWS accounts belonging to you or a 3rd party to perform actions in this account.',
            },
            {
              value: 'web-identity',
              label: 'Web identity',
              hint: 'Allows users federated by the specified external web identity provider to assume this role.',
            },
            {
              value: 'saml',
              label: 'SAML 2.0 federation',
              hint: 'Allow users federated with SAML 2.0 from a corporate directory to perform actions in this account.',
            },
            {
              value: 'custom',
              label: 'Custom trust policy',
              hint: 'Create a custom trust policy to enable others to perform actions in this account.',
            },
          ]}
        />
        <fieldset data-entity="service">
          <legend>AWS service</legend>
          <Select
            label="Service or use case"
            name="service"
            options={SERVICE_PRINCIPALS.map((s) => ({ value: s.value, label: `${s.label} (${s.value})` }))}
          />
        </fieldset>
        <fieldset data-entity="account">
          <legend>AWS account</legend>
          <RadioGroup
            legend="An AWS account"
            name="account"
            value="this"
            options={[
              { value: 'this', label: `This account (${c.var.session.principal.accountId})` },
              { value: 'another', label: 'Another AWS account' },
            ]}
          />
          <Field
            label="Account ID"
            name="accountId"
            inputmode="numeric"
            pattern="\d{12}"
            hint="Identifier of the account that can use this role (another account only)."
          />
          <Checkbox
            label="Require external ID (Best practice when a third party will assume this role)"
            name="requireExternalId"
          />
          <Field label="External ID" name="externalId" />
          <Checkbox label="Require MFA" name="requireMfa" />
        </fieldset>
        <fieldset data-entity="web-identity">
          <legend>Web identity</legend>
          {providers.length === 0 ? (
            <p class="hint">
              No OpenID Connect providers yet. <a href="/console/identity-providers">Add a provider</a> first.
            </p>
          ) : null}
          <Select
            label="Identity provider"
            name="provider"
            options={providers.map((arn) => ({ value: arn, label: arn.split(':oidc-provider/')[1] ?? arn }))}
          />
          <Field label="Audience" name="audience" />
        </fieldset>
        <fieldset data-entity="saml">
          <legend>SAML 2.0 federation</legend>
          {saml.length === 0 ? (
            <p class="hint">
              No SAML providers yet. <a href="/console/identity-providers">Add a provider</a> first.
            </p>
          ) : null}
          <Select
            label="SAML 2.0-based provider"
            name="samlProvider"
            options={saml.map((arn) => ({ value: arn, label: arn.split(':saml-provider/')[1] ?? arn }))}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">Next</button>
          <a href="/console/roles">Cancel</a>
        </div>
      </form>
    </Layout>,
  );
}

/** Step 2: the generated trust policy in the editor, then name, description, session length and policies. */
async function detailsStep(c: ConsoleContext, values: RoleValues, error?: unknown) {
  let policies: Policy[] = [];
  try {
    policies =
      (await c.var.call<ListPoliciesResponse>('iam', 'ListPolicies', { Scope: 'All', MaxItems: 1000 })).Policies ?? [];
  } catch {
    // A caller who may not list policies can still create the role and attach policies later.
  }
  return c.html(
    <Layout title="Create role" {...await pageChrome(c, '/console/roles')}>
      <p>
        <a href="/console/roles">Roles</a> › <a href="/console/roles/create">Create role</a> › Step 2: Name, review, and
        create
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <form method="post" action="/console/roles/create/details" class="card">
        <Csrf token={c.var.csrf} />
        <Field
          label="Role name"
          name="name"
          value={values.name}
          required
          maxlength={64}
          hint="Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters."
        />
        <Field label="Description" name="description" value={values.description} maxlength={1000} />
        <Select
          label="Maximum session duration"
          name="maxSession"
          options={SESSION_DURATIONS}
          value={values.maxSession}
        />
        <PolicyEditor
          label="Trust policy"
          kind="trust"
          value={values.document}
          hint="The trusted entities that can assume this role, checked as you type."
        />
        <fieldset>
          <legend>Add permissions</legend>
          {policies.length === 0 ? <p class="hint">No policies to attach.</p> : null}
          <div class="checklist">
            {policies.map((p) => (
              <Checkbox
                label={p.PolicyName!}
                name="policies"
                value={p.Arn}
                checked={values.policies.includes(p.Arn!)}
              />
            ))}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit">Create role</button>
          <a href="/console/roles/create">Previous</a>
        </div>
      </form>
    </Layout>,
  );
}

export function registerRoleCreate(app: ConsoleApp): void {
  app.get('/roles/create', (c) => trustedEntityStep(c));

  app.get('/roles/create/details', (c) => {
    const choice = trustChoiceOf((n) => c.req.query(n));
    const problem = choiceProblem(choice, c.req.query('requireExternalId') !== undefined);
    if (problem) return trustedEntityStep(c, problem);
    // AWS's sign-in endpoint and this console's own (POST /saml) are both SAML audiences here.
    const document = trustPolicyFor(choice, c.var.session.principal.accountId, [
      'https://signin.aws.amazon.com/saml',
      `${baseUrlOf(c)}/saml`,
    ]);
    return detailsStep(c, { document, name: '', description: '', maxSession: '3600', policies: [] });
  });

  app.post('/roles/create/details', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const values: RoleValues = {
      document: typeof body.document === 'string' ? body.document : '',
      name: formText(body, 'name'),
      description: formText(body, 'description'),
      maxSession: formText(body, 'maxSession') || '3600',
      policies: formList(body, 'policies'),
    };
    try {
      await c.var.call('iam', 'CreateRole', {
        RoleName: values.name,
        AssumeRolePolicyDocument: values.document,
        MaxSessionDuration: Number(values.maxSession),
        ...(values.description ? { Description: values.description } : {}),
      });
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return detailsStep(c, values, err);
    }
    // The role exists now; a failed attachment is reported on its page rather than undoing the role.
    for (const arn of values.policies) {
      try {
        await c.var.call('iam', 'AttachRolePolicy', { RoleName: values.name, PolicyArn: arn });
      } catch (err) {
        if (!(err instanceof AwsError)) throw err;
        return c.redirect(
          withFlash(
            c,
            roleHref(values.name),
            'error',
            `Role ${values.name} created, but attaching ${arn} failed: ${err.message}`,
          ),
          302,
        );
      }
    }
    return c.redirect(withFlash(c, roleHref(values.name), 'notice', `Role ${values.name} created.`), 302);
  });
}
