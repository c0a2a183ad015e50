import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { Csrf, Field } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { type Step, StepReport, type StepOutcome, back, formOf, runSteps } from './common.js';

/** How one kind of entity is deleted from the console: what it takes with it, and the calls that do it. */
export interface Deletion {
  /** "user" or "group", as in AWS's wording ("Enter the user name…"). */
  noun: string;
  /** Route of the entity's page, with `:name`. */
  route: string;
  nav: string;
  pathOf: (name: string) => string;
  listPath: string;
  consequences: string[];
  steps: (c: ConsoleContext, name: string) => Step[];
}

async function confirmPage(
  c: ConsoleContext,
  d: Deletion,
  name: string,
  problem?: { message?: string; outcome?: StepOutcome },
) {
  return c.html(
    <Layout title={`Delete ${name}?`} {...await pageChrome(c, d.nav)}>
      {problem?.message ? <Notice kind="error">{problem.message}</Notice> : null}
      {problem?.outcome ? (
        <StepReport outcome={problem.outcome} title={`The ${d.noun} ${name} was not deleted`} />
      ) : null}
      <div class="card">
        <p>Deleting the {d.noun} also deletes everything attached to it, in this order:</p>
        <ul>
          {d.consequences.map((x) => (
            <li>{x}</li>
          ))}
        </ul>
        <p>This cannot be undone.</p>
        <form method="post" action={`${d.pathOf(name)}/delete`}>
          <Csrf token={c.var.csrf} />
          <Field
            label={`To confirm deletion, enter the ${d.noun} name in the text input field.`}
            name="confirm"
            autocomplete="off"
            placeholder={name}
            required
          />
          <div class="actions">
            <button type="submit" class="danger">
              Delete
            </button>
            <a class="button secondary" href={d.pathOf(name)}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </Layout>,
    problem ? 400 : 200,
  );
}

/**
 * GET and POST `<route>/delete`: the typed-name confirmation, then AWS's console sequence of
 * removals and the delete itself, stopping at the first failure (AccessDenied included) and
 * saying what was already removed.
 */
export function registerDeletion(app: ConsoleApp, d: Deletion): void {
  app.get(`${d.route}/delete`, (c) => confirmPage(c, d, c.req.param('name') ?? ''));
  app.post(`${d.route}/delete`, async (c) => {
    const name = c.req.param('name') ?? '';
    if ((await formOf(c)).one('confirm') !== name)
      return confirmPage(c, d, name, { message: `Enter the ${d.noun} name “${name}” to confirm deletion.` });
    const outcome = await runSteps(d.steps(c, name));
    if (outcome.failed) return confirmPage(c, d, name, { outcome });
    return back(c, d.listPath, { notice: `${d.noun === 'user' ? 'User' : 'Group'} ${name} deleted.` });
  });
}
