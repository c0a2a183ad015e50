import type { Child } from 'hono/jsx';
import { ErrorNotice } from '../../ui/notices.js';

/**
 * One section of the credentials page. Each loads its own data, so a policy that denies, say,
 * ListSigningCertificates shows AWS's access-denied panel in that section and leaves the rest usable.
 */
export async function Section(p: { id: string; title: string; intro?: string; load: () => Promise<Child> }) {
  let body: Child;
  try {
    body = await p.load();
  } catch (err) {
    body = <ErrorNotice error={err} />;
  }
  return (
    <section class="card cred-card" id={p.id} aria-labelledby={`${p.id}-h`}>
      <h2 id={`${p.id}-h`}>{p.title}</h2>
      {p.intro ? <p class="hint">{p.intro}</p> : null}
      {body}
    </section>
  );
}

export function StatusBadge({ status }: { status: string | undefined }) {
  return <span class={status === 'Active' ? 'badge ok' : 'badge off'}>{status ?? '—'}</span>;
}
