import { Field } from './forms.js';
import { Csrf } from './forms.js';

/**
 * AWS's console deletes a role or policy only after its name is typed: the form carries the name
 * typed and the handler compares it (works without script; the script adds a confirm dialog).
 */
export function ConfirmDelete(p: {
  action: string;
  csrf: string;
  name: string;
  what: string;
  fields?: Record<string, string>;
  warning: string;
}) {
  return (
    <form method="post" action={p.action} class="card danger-zone">
      <h2>{`Delete ${p.what}`}</h2>
      <p>{p.warning}</p>
      <Csrf token={p.csrf} />
      {Object.entries(p.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <Field
        label={`To confirm deletion, enter the ${p.what} name (${p.name})`}
        name="confirm"
        required
        autocomplete="off"
      />
      <button type="submit" class="danger" data-confirm={`Delete ${p.what} ${p.name}?`}>
        Delete
      </button>
    </form>
  );
}
