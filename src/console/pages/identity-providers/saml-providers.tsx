import type { ListSAMLProvidersResponse } from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { formText, formatDate, withFlash } from '../../ui/form-data.js';
import { Csrf, Field, TextArea } from '../../ui/forms.js';
import { ErrorNotice } from '../../ui/notices.js';

export interface SamlRow {
  arn: string;
  name: string;
  created?: Date | undefined;
}

/** The account's SAML providers, as ListSAMLProviders answers the signed-in principal. */
export async function listSamlProviders(c: ConsoleContext): Promise<SamlRow[]> {
  const list = (await c.var.call<ListSAMLProvidersResponse>('iam', 'ListSAMLProviders')).SAMLProviderList ?? [];
  return list.map((p) => ({ arn: p.Arn!, name: p.Arn!.split(':saml-provider/')[1] ?? p.Arn!, created: p.CreateDate }));
}

export function SamlRows({ rows }: { rows: SamlRow[] }) {
  return (
    <>
      {rows.map((r) => (
        <tr>
          <td>{r.name}</td>
          <td>SAML</td>
          <td>—</td>
          <td>{formatDate(r.created)}</td>
        </tr>
      ))}
    </>
  );
}

/** "Add provider" for SAML: a name and the IdP's metadata document, as AWS's console asks. */
export function AddSamlProvider({ c, values, error }: { c: ConsoleContext; values: SamlValues; error?: unknown }) {
  return (
    <form method="post" action="/console/identity-providers/saml" class="card">
      <h2>Add SAML provider</h2>
      {error ? <ErrorNotice error={error} /> : null}
      <Csrf token={c.var.csrf} />
      <Field
        label="SAML provider name"
        name="name"
        value={values.name}
        required
        hint="Letters, digits and . _ - (up to 128). Your IdP posts its responses to this Ward's /saml."
      />
      <TextArea
        label="Metadata document"
        name="metadata"
        value={values.metadata}
        rows={6}
        mono
        hint="The IdP's SAML 2.0 metadata XML (EntityDescriptor with its signing certificate)."
      />
      <button type="submit">Add SAML provider</button>
    </form>
  );
}

export interface SamlValues {
  name: string;
  metadata: string;
}

export function registerSamlProviders(
  app: ConsoleApp,
  page: (c: ConsoleContext, saml: { values: SamlValues; error?: unknown }) => Promise<Response>,
): void {
  app.post('/identity-providers/saml', async (c) => {
    const body = await c.req.parseBody();
    const values = { name: formText(body, 'name'), metadata: formText(body, 'metadata') };
    try {
      await c.var.call('iam', 'CreateSAMLProvider', { Name: values.name, SAMLMetadataDocument: values.metadata });
      return c.redirect(withFlash(c, '/console/identity-providers', 'notice', `Provider ${values.name} added.`), 302);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return page(c, { values, error: err });
    }
  });
}
