import type { ConsoleContext } from '../../env.js';
import { Csrf, Field, TextArea } from '../../ui/forms.js';
import { ErrorNotice } from '../../ui/notices.js';
import { formString } from './org-shared.js';

export interface ScpDraft {
  Name: string;
  Description: string;
  Content: string;
}

/** What AWS's console pre-fills for a new SCP. */
export const NEW_SCP_CONTENT = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Sid: 'Statement1', Effect: 'Deny', Action: [], Resource: [] }] },
  null,
  2,
);

export async function readDraft(c: ConsoleContext): Promise<ScpDraft> {
  return {
    Name: await formString(c, 'Name'),
    Description: await formString(c, 'Description'),
    Content: await formString(c, 'Content'),
  };
}

/** The SCP form shared by create and edit; a failed save re-renders it with the text as typed. */
export function ScpEditor(p: { action: string; csrf: string; draft: ScpDraft; submit: string; error?: unknown }) {
  return (
    <form method="post" action={p.action} class="card">
      <Csrf token={p.csrf} />
      {p.error ? <ErrorNotice error={p.error} /> : null}
      <Field label="Policy name" name="Name" value={p.draft.Name} required maxlength={128} />
      <Field label="Policy description - optional" name="Description" value={p.draft.Description} maxlength={512} />
      <div data-validate="/console/policies/validate">
        <TextArea
          label="Policy JSON"
          name="Content"
          value={p.draft.Content}
          rows={16}
          mono
          required
          hint="A service control policy sets the maximum permissions of the accounts it is attached to; it grants nothing by itself."
        />
      </div>
      <button type="submit">{p.submit}</button>
    </form>
  );
}
