import type { Child } from 'hono/jsx';
import { AwsError } from '../../shared/aws-error.js';
import type { ConsoleContext } from '../env.js';
import { flashKey, openFlash } from './flash.js';

export type NoticeKind = 'error' | 'success' | 'info' | 'warning';

export function Notice({ kind, title, children }: { kind: NoticeKind; title?: string; children?: Child }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <strong>{title}</strong> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}

/**
 * An API error as AWS's console shows it: access denials get their own panel naming the action,
 * other errors their code and message.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!(error instanceof AwsError))
    return (
      <Notice kind="error" title="Something went wrong">
        The request could not be completed.
      </Notice>
    );
  if (error.code === 'AccessDenied' || error.code === 'AccessDeniedException') {
    return (
      <Notice kind="error" title="Access denied">
        <p class="denied">{error.message}</p>
        <p class="hint">Ask your administrator to grant you the permission in an identity-based policy.</p>
      </Notice>
    );
  }
  return (
    <Notice kind="error" title={error.code}>
      {error.message}
    </Notice>
  );
}

/** The message a redirect carried (`?notice=` / `?error=`), if sealed to this session (flash.ts). */
export function FlashNotice({ c }: { c: ConsoleContext }) {
  const params = new URL(c.req.url).searchParams;
  const key = flashKey(c);
  const ok = openFlash(key, 'notice', params.get('notice'));
  const bad = openFlash(key, 'error', params.get('error'));
  if (bad) return <Notice kind="error">{bad}</Notice>;
  if (ok) return <Notice kind="success">{ok}</Notice>;
  return null;
}
