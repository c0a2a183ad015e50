import type { Role } from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { withFlash } from '../../ui/form-data.js';
import { Csrf } from '../../ui/forms.js';
import { PolicyEditor, prettyPolicy } from '../../ui/policy-editor.js';
import { isServiceLinked, roleHref } from './role-links.js';
import { rolePage } from './role-page.js';

/** The trust relationships tab: the trust policy in the editor (read-only for service-linked roles). */
function trustTab(c: ConsoleContext, role: Role, draft?: string) {
  const document = draft ?? prettyPolicy(role.AssumeRolePolicyDocument);
  if (isServiceLinked(role.Path)) {
    return (
      <>
        <h2>Trusted entities</h2>
        <pre class="json mono" data-testid="trust-policy" tabindex={0}>
          {document}
        </pre>
      </>
    );
  }
  return (
    <form method="post" action={roleHref(role.RoleName, '/trust')} class="card">
      <h2>Trusted entities</h2>
      <Csrf token={c.var.csrf} />
      <PolicyEditor
        label="Trust policy"
        kind="trust"
        value={document}
        hint="Entities that can assume this role under specified conditions."
      />
      <button type="submit">Update policy</button>
    </form>
  );
}

export function registerRoleTrust(app: ConsoleApp): void {
  app.get('/roles/:name/trust', (c) => rolePage(c, 'Trust relationships', (role) => trustTab(c, role)));

  app.post('/roles/:name/trust', async (c) => {
    const roleName = c.req.param('name');
    const body = await c.req.parseBody();
    const document = typeof body.document === 'string' ? body.document : '';
    try {
      await c.var.call('iam', 'UpdateAssumeRolePolicy', { RoleName: roleName, PolicyDocument: document });
      return c.redirect(withFlash(c, roleHref(roleName, '/trust'), 'notice', 'Trust policy updated.'), 302);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      // Keep what was typed, with the API's reason above it.
      return rolePage(c, 'Trust relationships', (role) => trustTab(c, role, document), err);
    }
  });
}
