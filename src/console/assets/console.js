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
    const response = await fetch(area.getAttribute('data-validate'), { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
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
