/** A labelled set of radio buttons in a fieldset, keyboard-usable as native radios are. */
export function RadioGroup(p: {
  legend: string;
  name: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  value?: string | undefined;
}) {
  return (
    <fieldset class="radios">
      <legend>{p.legend}</legend>
      {p.options.map((o) => {
        const id = `f-${p.name}-${o.value}`;
        return (
          <div class="check">
            <input
              type="radio"
              id={id}
              name={p.name}
              value={o.value}
              checked={o.value === p.value}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
            />
            <label for={id}>{o.label}</label>
            {o.hint ? (
              <p class="hint" id={`${id}-hint`}>
                {o.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
