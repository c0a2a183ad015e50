import { AwsError } from '../../shared/aws-error.js';
import type { Principal } from '../../shared/principal.js';
import { type ConsoleApp, type ConsoleContext, originOf } from '../env.js';
import { PRE_SESSION_COOKIE, readConsoleCookie, setConsoleCookie } from '../session/cookies.js';
import { newToken, sameToken } from '../session/tokens.js';
import { Csrf } from '../ui/forms.js';
import { Layout } from '../ui/layout.js';
import { Notice } from '../ui/notices.js';
import { signInAsStsSession } from './sts-session.js';

interface Offered {
  roleArn: string;
  providerArn: string;
}

/** AWS's sign-in page answer for a response it cannot use. */
const INVALID = 'Your request included an invalid SAML response.';
/** How long the role picker may be left open: AWS's five minutes to redeem an assertion. */
const PICKER_SECONDS = 300;

/** AWS's "Select a role" page: the offered roles grouped by account, one radio button each. */
function RolePicker(p: {
  roles: Offered[];
  samlResponse: string;
  relayState?: string | undefined;
  csrf: string;
  action: string;
}) {
  const accounts = [...new Set(p.roles.map((r) => r.roleArn.split(':')[4]!))];
  return (
    <Layout title="Select a role">
      <form method="post" action={p.action} class="card">
        <Csrf token={p.csrf} />
        <input type="hidden" name="SAMLResponse" value={p.samlResponse} />
        {p.relayState ? <input type="hidden" name="RelayState" value={p.relayState} /> : null}
        {accounts.map((account) => (
          <fieldset class="radios">
            <legend>Account: {account}</legend>
            {p.roles
              .filter((r) => r.roleArn.split(':')[4] === account)
              .map((r) => {
                const value = `${r.roleArn},${r.providerArn}`;
                const id = `role-${p.roles.indexOf(r)}`;
                return (
                  <div class="check">
                    <input type="radio" id={id} name="roleIndex" value={value} required />
                    <label for={id}>{r.roleArn.split('/').pop()}</label>
                    <p class="hint">{r.roleArn}</p>
                  </div>
                );
              })}
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit">Sign in</button>
        </div>
      </form>
    </Layout>
  );
}

function Refused({ message, status }: { message: string; status: number }) {
  return (
    <Layout title="Sign in">
      <Notice kind="error">
        {message} {status === 403 ? null : <a href="/console/signin">Sign in</a>}
      </Notice>
    </Layout>
  );
}

/** A RelayState that is a path inside the console, else the dashboard (never another site). */
function landing(relayState: string | undefined): string {
  return relayState && /^\/console\/[\w\-/?=&%.]*$/.test(relayState) && !relayState.includes('//')
    ? relayState
    : '/console/home';
}

/**
 * POST /saml and POST /saml/acs/<SAMLProviderUUID> (the listener maps them here): an
 * IdP-initiated SAMLResponse. With several roles on
 * offer, AWS's role picker posts the response back with the chosen `roleIndex`; with one, it is
 * redeemed at once. Redeeming is sts:AssumeRoleWithSAML through the same pipeline as the API
 * (the same verification, trust policy, replay ledger and audit record); the console session then
 * acts as that role session.
 */
export function registerSaml(app: ConsoleApp): void {
  app.post('/saml', (c) => answerSaml(c, undefined));
  // A provider's own ACS URL (AWS's for encrypted assertions): its keys open the assertion.
  app.post('/saml/acs/:uuid{[A-Z0-9]{22,64}}', (c) => answerSaml(c, c.req.param('uuid')));
}

async function answerSaml(c: ConsoleContext, providerUuid: string | undefined) {
  const { deps } = c.var;
  const form = await c.req.parseBody();
  const samlResponse = typeof form.SAMLResponse === 'string' ? form.SAMLResponse : '';
  const relayState = typeof form.RelayState === 'string' ? form.RelayState : undefined;
  const chosen = typeof form.roleIndex === 'string' ? form.roleIndex : undefined;
  if (!deps.saml || samlResponse === '') return c.html(<Refused message={INVALID} status={400} />, 400);
  const now = deps.clock();
  let offered: { roles: Offered[]; sessionDuration?: number };
  try {
    offered = await deps.saml.rolesOffered(samlResponse, now, providerUuid);
  } catch (err) {
    if (err instanceof AwsError) return c.html(<Refused message={`${INVALID} ${err.message}`} status={400} />, 400);
    throw err;
  }
  if (offered.roles.length === 0) return c.html(<Refused message={INVALID} status={400} />, 400);

  let role: Offered | undefined;
  if (chosen !== undefined) {
    // The picker's own form: its double-submit token proves this browser was shown the picker.
    if (!sameToken(typeof form._csrf === 'string' ? form._csrf : undefined, readConsoleCookie(c, PRE_SESSION_COOKIE)))
      return c.text('This form has expired. Go back, reload the page and try again.', 403);
    role = offered.roles.find((r) => `${r.roleArn},${r.providerArn}` === chosen);
    if (!role) return c.html(<Refused message={INVALID} status={400} />, 400);
  } else if (offered.roles.length === 1) {
    role = offered.roles[0];
  } else {
    const csrf = newToken();
    setConsoleCookie(c, PRE_SESSION_COOKIE, csrf, PICKER_SECONDS);
    const action = providerUuid === undefined ? '/console/saml' : `/console/saml/acs/${providerUuid}`;
    return c.html(
      <RolePicker
        roles={offered.roles}
        samlResponse={samlResponse}
        relayState={relayState}
        csrf={csrf}
        action={action}
      />,
    );
  }
  return signInAsRole(c, role!, samlResponse, offered.sessionDuration, relayState);
}

async function signInAsRole(
  c: ConsoleContext,
  role: Offered,
  samlResponse: string,
  sessionDuration: number | undefined,
  relayState: string | undefined,
) {
  const { deps } = c.var;
  const now = deps.clock();
  // SessionDuration (default an hour) is the console session's length, within the role's maximum.
  const [, , , , accountId, resource] = role.roleArn.split(':');
  const stored = await deps.store.roles.getByName(accountId ?? '', resource?.split('/').pop() ?? '');
  const duration = Math.min(sessionDuration ?? 3600, stored?.maxSessionDuration ?? 3600);
  let principal: Principal | undefined;
  try {
    const out = (await deps.invoke({
      service: 'sts',
      operation: 'AssumeRoleWithSAML',
      input: {
        RoleArn: role.roleArn,
        PrincipalArn: role.providerArn,
        SAMLAssertion: samlResponse,
        DurationSeconds: duration,
      },
      principal: { kind: 'root', accountId: '', arn: 'anonymous', userId: 'anonymous' },
      origin: originOf(c),
      anonymous: true,
    })) as { Credentials: { AccessKeyId: string; SessionToken: string } };
    principal = await deps.principalOfSession?.(out.Credentials.AccessKeyId, out.Credentials.SessionToken);
  } catch (err) {
    if (err instanceof AwsError)
      return c.html(<Refused message={`${err.message}`} status={err.status} />, err.status === 403 ? 403 : 400);
    throw err;
  }
  if (principal?.kind !== 'assumed-role' || !principal.session)
    return c.html(<Refused message={INVALID} status={400} />, 400);
  await signInAsStsSession(c, principal, now);
  return c.redirect(landing(relayState), 302);
}
