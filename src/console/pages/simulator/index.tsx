import type { EvaluationResult, SimulatePolicyResponse } from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { formText } from '../../ui/form-data.js';
import { Csrf, Field, Select, TextArea } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice } from '../../ui/notices.js';
import { PolicyEditor } from '../../ui/policy-editor.js';
import { pageChrome } from '../chrome.js';
import { contextEntries, principalOptions, splitList } from './principal-options.js';

const CUSTOM = 'custom';

interface SimulatorValues {
  principal: string;
  policy: string;
  actions: string;
  resource: string;
  context: string;
}

const DECISIONS: Record<string, string> = {
  allowed: 'allowed',
  explicitDeny: 'denied (explicit deny)',
  implicitDeny: 'denied (implicit deny)',
};

async function simulatorPage(
  c: ConsoleContext,
  values: SimulatorValues,
  results?: EvaluationResult[],
  error?: unknown,
) {
  const principals = await principalOptions(c);
  return c.html(
    <Layout title="Policy simulator" {...await pageChrome(c, '/console/simulator')}>
      <p class="hint">
        Test the policies of a user, group or role, or a policy you paste, against actions and resources. Nothing is
        run: the simulator only evaluates.
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <form method="post" action="/console/simulator" class="card">
        <Csrf token={c.var.csrf} />
        <Select
          label="Principal or policy"
          name="principal"
          value={values.principal}
          options={[...principals, { value: CUSTOM, label: 'Custom policy (JSON below)' }]}
        />
        <PolicyEditor
          label="Custom policy - used when “Custom policy” is chosen"
          name="policy"
          kind="identity"
          value={values.policy}
          rows={8}
          required={false}
        />
        <TextArea
          label="Actions"
          name="actions"
          value={values.actions}
          rows={3}
          mono
          hint="Comma or newline separated, such as s3:GetObject, iam:ListUsers."
        />
        <Field label="Resource ARN" name="resource" value={values.resource} hint="* for all resources." />
        <TextArea
          label="Context keys - optional"
          name="context"
          value={values.context}
          rows={3}
          mono
          hint="One key=value per line, such as aws:MultiFactorAuthPresent=true."
        />
        <button type="submit">Run simulation</button>
      </form>
      {results ? <Results results={results} /> : null}
    </Layout>,
  );
}

function Results({ results }: { results: EvaluationResult[] }) {
  return (
    <>
      <h2>Results</h2>
      <div class="table-wrap">
        <table data-testid="simulation-results">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Resource</th>
              <th scope="col">Permission</th>
              <th scope="col">Matched statements</th>
              <th scope="col">Missing context values</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr>
                <td>{r.EvalActionName}</td>
                <td class="mono">{r.EvalResourceName ?? '*'}</td>
                <td data-decision={r.EvalDecision}>
                  <span class={r.EvalDecision === 'allowed' ? 'badge ok' : 'badge off'}>
                    {DECISIONS[r.EvalDecision] ?? r.EvalDecision}
                  </span>
                </td>
                <td>
                  {(r.MatchedStatements ?? [])
                    .map((s) => `${s.SourcePolicyId ?? ''}${s.SourcePolicyType ? ` (${s.SourcePolicyType})` : ''}`)
                    .join(', ') || '—'}
                </td>
                <td>{(r.MissingContextValues ?? []).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function registerSimulator(app: ConsoleApp): void {
  app.get('/simulator', (c) =>
    simulatorPage(c, { principal: '', policy: '', actions: '', resource: '*', context: '' }),
  );

  app.post('/simulator', async (c) => {
    const body = await c.req.parseBody();
    const values: SimulatorValues = {
      principal: formText(body, 'principal'),
      policy: typeof body.policy === 'string' ? body.policy : '',
      actions: formText(body, 'actions'),
      resource: formText(body, 'resource') || '*',
      context: formText(body, 'context'),
    };
    const common = {
      ActionNames: splitList(values.actions),
      ResourceArns: [values.resource],
      ...(values.context ? { ContextEntries: contextEntries(values.context) } : {}),
    };
    try {
      const out =
        values.principal === CUSTOM
          ? await c.var.call<SimulatePolicyResponse>('iam', 'SimulateCustomPolicy', {
              PolicyInputList: [values.policy],
              ...common,
            })
          : await c.var.call<SimulatePolicyResponse>('iam', 'SimulatePrincipalPolicy', {
              PolicySourceArn: values.principal,
              ...common,
            });
      return simulatorPage(c, values, out.EvaluationResults ?? []);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return simulatorPage(c, values, undefined, err);
    }
  });
}
