import type { GetSAMLProviderResponse, ListSAMLProvidersResponse } from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formText, formatDate, withFlash } from '../../ui/form-data.js';
import { ActionButton, Csrf, Field, TextArea } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';

const samlHref = (arn: string): string => `/console/identity-providers/saml/details?arn=${encodeURIComponent(arn)}`;
const samlName = (arn: string): string => arn.split(':saml-provider/')[1] ?? arn;

export interface SamlRow {
  arn: string;
  name: string;
  created?: Date | undefined;
}

/** The account's SAML providers, as ListSAMLProviders answers the signed-in principal. */
export async function listSamlProviders(c: ConsoleContext): Promise<SamlRow[]> {
  const list = (await c.var.call<ListSAMLProvidersResponse>('iam', 'ListSAMLProviders')).SAMLProviderList ?? [];
  return list.map((p) => ({ arn: p.Arn!, name: samlName(p.Arn!), created: p.CreateDate }));
}

export function SamlRows({ rows }: { rows: SamlRow[] }) {
  return (
    <>
      {rows.map((r) => (
        <tr>
          <td>
            <a href={samlHref(r.arn)}>{r.name}</a>
          </td>
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

/** A SAML provider's page: its summary and metadata, a new metadata document, deletion. */
function SamlDetail({ c, arn, p }: { c: ConsoleContext; arn: string; p: GetSAMLProviderResponse }) {
  return (
    <>
      <div class="card">
        <h2>Summary</h2>
        <dl class="summary">
          <dt>Provider type</dt>
          <dd>SAML</dd>
          <dt>ARN</dt>
          <dd class="mono">{arn}</dd>
          <dt>SAML provider UUID</dt>
          <dd class="mono">{p.SAMLProviderUUID}</dd>
          <dt>Creation time</dt>
          <dd>{formatDate(p.CreateDate)}</dd>
          <dt>Valid until</dt>
          <dd>{formatDate(p.ValidUntil)}</dd>
          <dt>Assertion encryption</dt>
          <dd>{p.AssertionEncryptionMode ?? 'Allowed'}</dd>
        </dl>
      </div>
      <form method="post" action="/console/identity-providers/saml/update" class="card">
        <h2>Metadata document</h2>
        <Csrf token={c.var.csrf} />
        <input type="hidden" name="arn" value={arn} />
        <TextArea
          label="Metadata document"
          name="metadata"
          value={p.SAMLMetadataDocument ?? ''}
          rows={10}
          mono
          hint="Replace it when the IdP rotates its signing certificate."
        />
        <button type="submit">Replace metadata</button>
      </form>
      <ActionButton
        action="/console/identity-providers/saml/delete"
        csrf={c.var.csrf}
        label="Delete provider"
        danger
        fields={{ arn }}
        confirm={`Delete ${samlName(arn)}?`}
      />
    </>
  );
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

  app.get('/identity-providers/saml/details', async (c) => {
    const arn = c.req.query('arn') ?? '';
    let provider: GetSAMLProviderResponse | undefined;
    let error: unknown;
    try {
      provider = await c.var.call<GetSAMLProviderResponse>('iam', 'GetSAMLProvider', { SAMLProviderArn: arn });
    } catch (err) {
      error = err;
    }
    return c.html(
      <Layout title={samlName(arn)} {...await pageChrome(c, '/console/identity-providers')}>
        <p>
          <a href="/console/identity-providers">Identity providers</a> › {samlName(arn)}
        </p>
        <FlashNotice c={c} />
        {error || !provider ? <ErrorNotice error={error} /> : <SamlDetail c={c} arn={arn} p={provider} />}
      </Layout>,
    );
  });

  app.post('/identity-providers/saml/update', async (c) => {
    const body = await c.req.parseBody();
    const arn = formText(body, 'arn');
    try {
      await c.var.call('iam', 'UpdateSAMLProvider', {
        SAMLProviderArn: arn,
        SAMLMetadataDocument: formText(body, 'metadata'),
      });
      return c.redirect(withFlash(c, samlHref(arn), 'notice', 'Metadata replaced.'), 302);
    } catch (err) {
      return c.redirect(withFlash(c, samlHref(arn), 'error', failureText(err)), 302);
    }
  });

  app.post('/identity-providers/saml/delete', async (c) => {
    const arn = formText(await c.req.parseBody(), 'arn');
    try {
      await c.var.call('iam', 'DeleteSAMLProvider', { SAMLProviderArn: arn });
      return c.redirect(
        withFlash(c, '/console/identity-providers', 'notice', `Provider ${samlName(arn)} deleted.`),
        302,
      );
    } catch (err) {
      return c.redirect(withFlash(c, samlHref(arn), 'error', failureText(err)), 302);
    }
  });
}
