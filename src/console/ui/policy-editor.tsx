/** Policy JSON as AWS's console shows it: indented; text that is not JSON stays as written. */
export function prettyPolicy(text: string | undefined): string {
  if (!text) return '';
  let raw: string;
  // IAM returns documents URL-encoded; a document that is not encoded has no escapes to undo.
  try {
    raw = decodeURIComponent(text);
  } catch {
    raw = text;
  }
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

export type PolicyKind = 'identity' | 'trust';

/**
 * The JSON policy editor: a labelled monospace textarea that console.js validates as you type
 * through /console/policies/validate (the API's own validator), with the verdict announced politely.
 */
export function PolicyEditor(p: {
  label: string;
  name?: string;
  value?: string | undefined;
  kind: PolicyKind;
  hint?: string;
  rows?: number;
  required?: boolean;
}) {
  const name = p.name ?? 'document';
  const id = `f-${name}`;
  const out = `${id}-live`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={p.rows ?? 18}
        class="mono"
        spellcheck={false}
        required={p.required ?? true}
        data-validate="/console/policies/validate"
        data-kind={p.kind}
        data-output={out}
        aria-describedby={p.hint ? `${id}-hint ${out}` : out}
      >
        {p.value ?? ''}
      </textarea>
      <div id={out} class="live-errors" aria-live="polite" data-testid="live-errors"></div>
    </div>
  );
}
