import type { CreatePolicyResponse, GetPolicyResponse, GetPolicyVersionResponse } from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { formText, withFlash } from '../../ui/form-data.js';
import { Csrf, Field } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, Notice } from '../../ui/notices.js';
import { PolicyEditor, prettyPolicy } from '../../ui/policy-editor.js';
import { pageChrome } from '../chrome.js';
import { policyHref } from './policy-links.js';

/** The editor's starting point, as AWS's console offers it. */
const STARTER = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Sid: 'Statement1', Effect: 'Allow', Action: [], Resource: [] }] },
  null,
  2,
);

interface CreateValues {
  name: string;
  description: string;
  path: string;
  document: string;
}

async function createPage(c: ConsoleContext, values: CreateValues, error?: unknown) {
  return c.html(
    <Layout title="Create policy" {...await pageChrome(c, '/console/policies')}>
      <p>
        <a href="/console/policies">Policies</a> › Create policy
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <form method="post" action="/console/policies/create" class="card">
        <Csrf token={c.var.csrf} />
        <PolicyEditor
          label="Policy editor (JSON)"
          kind="identity"
          value={values.document}
          hint="Add permissions by editing the JSON; it is checked as you type."
        />
        <Field
          label="Policy name"
          name="name"
          value={values.name}
          required
          maxlength={128}
          hint="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
        />
        <Field label="Description - optional" name="description" value={values.description} maxlength={1000} />
        <Field
          label="Path - optional"
          name="path"
          value={values.path}
          placeholder="/"
          hint="A path such as /division/team/ groups policies; the default is /."
        />
        <div class="actions">
          <button type="submit">Create policy</button>
          <a href="/console/policies">Cancel</a>
        </div>
      </form>
    </Layout>,
  );
}

async function editPage(c: ConsoleContext, arn: string, name: string, document: string, error?: unknown) {
  const tooMany = error instanceof AwsError && error.code === 'LimitExceeded';
  return c.html(
    <Layout title={`Modify permissions in ${name}`} {...await pageChrome(c, '/console/policies')}>
      <p>
        <a href="/console/policies">Policies</a> › <a href={policyHref(arn)}>{name}</a> › Edit
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {tooMany ? (
        <Notice kind="warning" title="Policy version limit reached">
          A managed policy can have up to five versions. <a href={policyHref(arn)}>Delete a non-default version</a>{' '}
          before saving changes.
        </Notice>
      ) : null}
      <form method="post" action={policyHref(arn, 'edit')} class="card">
        <Csrf token={c.var.csrf} />
        <PolicyEditor label="Policy editor (JSON)" kind="identity" value={document} />
        <p class="hint">Saving creates a new policy version and sets it as the default.</p>
        <div class="actions">
          <button type="submit">Save changes</button>
          <a href={policyHref(arn)}>Cancel</a>
        </div>
      </form>
    </Layout>,
  );
}

export function registerPolicyEditor(app: ConsoleApp): void {
  app.get('/policies/create', (c) => createPage(c, { name: '', description: '', path: '', document: STARTER }));

  app.post('/policies/create', async (c) => {
    const body = await c.req.parseBody();
    const values = {
      name: formText(body, 'name'),
      description: formText(body, 'description'),
      path: formText(body, 'path'),
      document: typeof body.document === 'string' ? body.document : '',
    };
    try {
      const out = await c.var.call<CreatePolicyResponse>('iam', 'CreatePolicy', {
        PolicyName: values.name,
        PolicyDocument: values.document,
        ...(values.description ? { Description: values.description } : {}),
        ...(values.path ? { Path: values.path } : {}),
      });
      return c.redirect(withFlash(c, policyHref(out.Policy!.Arn!), 'notice', `Policy ${values.name} created.`), 302);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return createPage(c, values, err);
    }
  });

  app.get('/policies/edit', async (c) => {
    const arn = c.req.query('arn') ?? '';
    try {
      const policy = (await c.var.call<GetPolicyResponse>('iam', 'GetPolicy', { PolicyArn: arn })).Policy!;
      const version = await c.var.call<GetPolicyVersionResponse>('iam', 'GetPolicyVersion', {
        PolicyArn: arn,
        VersionId: policy.DefaultVersionId,
      });
      return editPage(c, arn, policy.PolicyName!, prettyPolicy(version.PolicyVersion?.Document));
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return editPage(c, arn, arn.slice(arn.lastIndexOf('/') + 1), '', err);
    }
  });

  app.post('/policies/edit', async (c) => {
    const arn = c.req.query('arn') ?? '';
    const body = await c.req.parseBody();
    const document = typeof body.document === 'string' ? body.document : '';
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    try {
      const out = await c.var.call<{ PolicyVersion?: { VersionId?: string } }>('iam', 'CreatePolicyVersion', {
        PolicyArn: arn,
        PolicyDocument: document,
        SetAsDefault: true,
      });
      return c.redirect(
        withFlash(
          c,
          policyHref(arn),
          'notice',
          `Policy ${name} updated: version ${out.PolicyVersion?.VersionId ?? ''} is the default.`,
        ),
        302,
      );
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return editPage(c, arn, name, document, err);
    }
  });
}
