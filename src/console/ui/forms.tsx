import type { Child } from 'hono/jsx';

/** The hidden CSRF field every console form posts. */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

interface FieldProps {
  label: string;
  name: string;
  type?: string;
  value?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  autofocus?: boolean;
  inputmode?: 'numeric' | 'email' | 'text';
  pattern?: string;
  maxlength?: number;
  placeholder?: string;
}

/** A labelled input; the hint is tied to it with aria-describedby. */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value}
        required={p.required}
        autocomplete={p.autocomplete}
        autofocus={p.autofocus}
        inputmode={p.inputmode}
        pattern={p.pattern}
        maxlength={p.maxlength}
        placeholder={p.placeholder}
        aria-describedby={p.hint ? `${id}-hint` : undefined}
      />
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextArea(p: {
  label: string;
  name: string;
  value?: string | undefined;
  rows?: number;
  hint?: string;
  required?: boolean;
  mono?: boolean;
}) {
  const id = `f-${p.name}`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 12}
        required={p.required}
        class={p.mono ? 'mono' : undefined}
        spellcheck={false}
        aria-describedby={p.hint ? `${id}-hint` : undefined}
      >
        {p.value ?? ''}
      </textarea>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
    </div>
  );
}

export function Select(p: {
  label: string;
  name: string;
  options: Array<{ value: string; label: string }>;
  value?: string | undefined;
}) {
  const id = `f-${p.name}`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(p: { label: string; name: string; checked?: boolean; value?: string }) {
  const id = `f-${p.name}${p.value ? `-${p.value}` : ''}`;
  return (
    <div class="check">
      <input type="checkbox" id={id} name={p.name} value={p.value ?? 'on'} checked={p.checked} />
      <label for={id}>{p.label}</label>
    </div>
  );
}

/** A one-button form that posts to `action` (delete, deactivate, …). */
export function ActionButton(p: {
  action: string;
  csrf: string;
  label: string;
  danger?: boolean;
  disabled?: boolean;
  fields?: Record<string, string>;
  confirm?: string;
  children?: Child;
}) {
  return (
    <form method="post" action={p.action} class="inline">
      <Csrf token={p.csrf} />
      {Object.entries(p.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={p.danger ? 'danger' : 'secondary'} disabled={p.disabled} data-confirm={p.confirm}>
        {p.label}
      </button>
    </form>
  );
}
