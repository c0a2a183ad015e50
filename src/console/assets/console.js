// Ward console: progressive enhancement only; every page works without script.
document.addEventListener('submit', (event) => {
  const button = event.submitter;
  const question = button && button.getAttribute('data-confirm');
  if (question && !window.confirm(question)) event.preventDefault();
});

// Live validation for policy editors: <textarea data-validate="/console/…/validate" data-kind="identity|trust">.
for (const area of document.querySelectorAll('textarea[data-validate]')) {
  const out = document.getElementById(area.getAttribute('data-output'));
  let timer;
  const check = async () => {
    const form = new URLSearchParams({ document: area.value, kind: area.getAttribute('data-kind') || 'identity' });
    const csrf = area.form && area.form.querySelector('input[name=_csrf]');
    if (csrf) form.set('_csrf', csrf.value);
    const response = await fetch(area.getAttribute('data-validate'), {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const result = await response.json();
    if (!out) return;
    out.textContent = '';
    out.className = 'live-errors notice ' + (result.ok ? 'notice-success' : 'notice-error');
    out.textContent = result.ok ? 'The policy is valid.' : result.message;
  };
  area.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
}

// Filter boxes over checkbox lists: <input data-filter="list-id"> hides rows [data-filter-row] that do not match.
for (const box of document.querySelectorAll('input[data-filter]')) {
  const list = document.getElementById(box.getAttribute('data-filter'));
  if (!list) continue;
  box.addEventListener('input', () => {
    const needle = box.value.trim().toLowerCase();
    for (const row of list.querySelectorAll('[data-filter-row]')) {
      // Checked rows stay visible so a selection is never hidden.
      const checked = row.querySelector('input:checked');
      row.hidden = needle !== '' && !checked && !row.getAttribute('data-filter-row').toLowerCase().includes(needle);
    }
  });
  // Enter in the filter should not submit the surrounding form.
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
}

// Create role, step 1: show only the fieldset of the chosen trusted entity type (all show without script).
for (const form of document.querySelectorAll('form[data-entity-form]')) {
  const sync = () => {
    const chosen = form.querySelector('input[name=entity]:checked');
    for (const set of form.querySelectorAll('fieldset[data-entity]'))
      set.hidden = !chosen || set.getAttribute('data-entity') !== chosen.value;
  };
  form.addEventListener('change', sync);
  sync();
}
