import type { ConsoleContext } from '../../env.js';
import { Csrf, Field, Select } from '../../ui/forms.js';
import { ErrorNotice, Notice } from '../../ui/notices.js';
import { date } from '../organizations/org-shared.js';
import {
  type Generation,
  type GenerationTarget,
  type Ungranted,
  MAX_EVENTS,
  actionCatalog,
  currentPolicies,
  generateFromTrail,
  notGranted,
} from './generation.js';
import { PERIODS, type PeriodChoice, periodChoiceOf, windowOf } from './period.js';
import { type UnusedGrant, grantedButUnused, servicesNamed } from './unused.js';

/**
 * "Generate policy from events", IAM Access Analyzer's policy generation on a user's or role's
 * page: a period picker, the policy generated from the audit trail, and how it differs from the
 * principal's current policies. Everything runs as the signed-in principal, so each step needs
 * its own permission and a refusal shows AWS's AccessDenied where it happened.
 */
export async function GeneratePolicyTab({
  c,
  target,
  action,
}: {
  c: ConsoleContext;
  target: GenerationTarget;
  /** The tab's own URL, which the GET form submits to. */
  action: string;
}) {
  const choice = periodChoiceOf(c.req.url);
  const window = windowOf(choice, c.var.deps.clock());
  return (
    <>
      <h2>Generate policy from events</h2>
      <p class="hint">
        Ward reads the audit trail for the calls this {target.kind} made
        {target.kind === 'role' ? ' through any of its sessions' : ''} in the period and generates a policy that grants
        the actions and resources they used, as IAM Access Analyzer does from CloudTrail. It needs
        access-analyzer:StartPolicyGeneration, access-analyzer:GetGeneratedPolicy and cloudtrail:LookupEvents; the
        comparison with the current policies uses IAM's read actions and the policy simulator.
      </p>
      <PeriodForm choice={choice} action={action} />
      {choice.generate ? (
        'problem' in window ? (
          <Notice kind="error">{window.problem}</Notice>
        ) : (
          await Result({ c, target, window })
        )
      ) : null}
    </>
  );
}

function PeriodForm({ choice, action }: { choice: PeriodChoice; action: string }) {
  return (
    <form method="get" action={action} class="card filters" data-testid="generate-policy-form">
      <input type="hidden" name="generate" value="1" />
      <Select
        label="Period"
        name="period"
        options={PERIODS.map((p) => ({ value: p.value, label: p.label }))}
        value={choice.period}
      />
      <Field label="Start (UTC, custom range)" name="start" type="datetime-local" value={choice.start} />
      <Field label="End (UTC, custom range)" name="end" type="datetime-local" value={choice.end} />
      <button type="submit">Generate policy</button>
    </form>
  );
}

async function Result({
  c,
  target,
  window,
}: {
  c: ConsoleContext;
  target: GenerationTarget;
  window: { start: Date; end: Date };
}) {
  let generation: Generation;
  try {
    generation = await generateFromTrail(c, target, window);
  } catch (err) {
    return <ErrorNotice error={err} />;
  }
  const policy = generation.generator.policy();
  const period = `${date(window.start)} – ${date(window.end)}`;
  if (!policy)
    return (
      <Notice kind="info" title="No activity">
        {target.arn} used no action that needs a permission between {period}: there is no policy to generate.
      </Notice>
    );
  const used = generation.generator.usedAccess();
  const services = new Set(used.map((u) => u.action.slice(0, u.action.indexOf(':'))));
  let ungranted: Ungranted[] | undefined;
  let unused: UnusedGrant[] | undefined;
  let simulateError: unknown;
  let policiesError: unknown;
  try {
    ungranted = await notGranted(c, target.arn, used);
  } catch (err) {
    simulateError = err;
  }
  try {
    const current = await currentPolicies(c, target);
    const catalog = await actionCatalog(servicesNamed(current));
    unused = grantedButUnused(
      current,
      used.map((u) => u.action),
      (s) => catalog.get(s),
    );
  } catch (err) {
    policiesError = err;
  }
  return (
    <section data-testid="generated-result">
      <p data-testid="generation-summary">
        {used.length} {used.length === 1 ? 'action' : 'actions'} in {services.size}{' '}
        {services.size === 1 ? 'service' : 'services'}, from {generation.generator.countedEvents} of {generation.events}{' '}
        events between {period}.
      </p>
      {generation.truncated ? (
        <Notice kind="warning">
          The period holds more than {MAX_EVENTS} events; the policy covers the newest {MAX_EVENTS}. Choose a shorter
          period, or run <code>ward policy generate</code>, which reads them all.
        </Notice>
      ) : null}
      <h3>Generated policy</h3>
      <pre class="mono json" data-testid="generated-policy" tabindex={0}>
        {JSON.stringify(policy, null, 2)}
      </pre>
      <CreatePolicyForm
        csrf={c.var.csrf}
        name={`${target.name}-generated`.slice(0, 128)}
        description={`Generated from the events of ${target.arn} between ${period}`.slice(0, 1000)}
        document={JSON.stringify(policy, null, 2)}
      />
      <h3>Used but not granted by the current policies</h3>
      {simulateError ? <ErrorNotice error={simulateError} /> : null}
      {ungranted && ungranted.length === 0 ? (
        <Notice kind="success">The current policies allow every action and resource used in the period.</Notice>
      ) : null}
      {ungranted && ungranted.length > 0 ? <UngrantedTable rows={ungranted} /> : null}
      <h3>Granted but unused in the period</h3>
      {policiesError ? <ErrorNotice error={policiesError} /> : null}
      {unused && unused.length === 0 ? (
        <Notice kind="success">Every action the current policies grant was used.</Notice>
      ) : null}
      {unused && unused.length > 0 ? <UnusedTable rows={unused} /> : null}
    </section>
  );
}

function UngrantedTable({ rows }: { rows: Ungranted[] }) {
  return (
    <div class="table-wrap">
      <table data-testid="not-granted">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Resource</th>
            <th scope="col">Simulated decision</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td class="mono">{r.action}</td>
              <td class="mono">{r.resource}</td>
              <td>{r.decision}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UnusedTable({ rows }: { rows: UnusedGrant[] }) {
  return (
    <div class="table-wrap">
      <table data-testid="unused-grants">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Action</th>
            <th scope="col">Unused</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.source}</td>
              <td class="mono">{r.pattern}</td>
              <td>
                {r.everything ? (
                  `Every action of every service; ${r.usedCount} used`
                ) : r.unused.length <= 5 ? (
                  <span class="mono">{r.unused.join(', ')}</span>
                ) : (
                  <details>
                    <summary>{r.unused.length} actions</summary>
                    <span class="mono">{r.unused.join(', ')}</span>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Access Analyzer's next step: the generated document as a new customer managed policy (CreatePolicy, as the signed-in principal). */
function CreatePolicyForm(p: { csrf: string; name: string; description: string; document: string }) {
  return (
    <form method="post" action="/console/policies/create" class="card" data-testid="create-generated-policy">
      <Csrf token={p.csrf} />
      <input type="hidden" name="document" value={p.document} />
      <input type="hidden" name="description" value={p.description} />
      <Field label="Policy name" name="name" value={p.name} required maxlength={128} />
      <button type="submit">Create policy</button>
    </form>
  );
}
