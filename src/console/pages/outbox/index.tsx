import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { baseUrlOf } from '../../env.js';
import { Layout, type LayoutProps } from '../../ui/layout.js';
import { Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { date } from '../organizations/org-shared.js';
import { LinkedText } from './linked-text.js';
import { mayReadOutbox, outboxGate } from './outbox-access.js';

const HOME = '/console/outbox';

/**
 * The outbox: mail Ward sent (root password recovery, email-change codes). Registered ahead of
 * the sign-in guard, because in emulator mode it must work signed out (see outboxGate).
 */
export function registerOutbox(app: ConsoleApp): void {
  app.get('/outbox', outboxGate, async (c) => {
    if (!mayReadOutbox(c)) return c.notFound();
    const messages = await c.var.deps.outbox!.list();
    return c.html(
      <Layout title="Outbox" {...await chrome(c)}>
        <p>Messages Ward has sent, newest first.</p>
        {messages.length === 0 ? (
          <Notice kind="info">The outbox is empty.</Notice>
        ) : (
          <div class="table-wrap">
            <table data-testid="outbox">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr>
                    <td>{date(m.date)}</td>
                    <td>{m.to}</td>
                    <td>
                      <a href={`${HOME}/${encodeURIComponent(m.id)}`}>{m.subject || '(no subject)'}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Layout>,
    );
  });

  app.get('/outbox/:id', outboxGate, async (c) => {
    if (!mayReadOutbox(c)) return c.notFound();
    const message = await c.var.deps.outbox!.read(c.req.param('id'));
    if (!message) return c.notFound();
    return c.html(
      <Layout title={message.subject || '(no subject)'} {...await chrome(c)}>
        <dl class="summary card">
          <dt>Date</dt>
          <dd>{date(message.date)}</dd>
          <dt>To</dt>
          <dd>{message.to}</dd>
        </dl>
        <pre class="mail" data-testid="message-text">
          <LinkedText text={message.text} origin={baseUrlOf(c)} />
        </pre>
        <p>
          <a href={HOME}>Back to the outbox</a>
        </p>
      </Layout>,
    );
  });
}

/** Signed out (emulator mode), the page has no nav; signed in, the usual chrome. */
async function chrome(c: ConsoleContext): Promise<Partial<LayoutProps>> {
  return c.get('session') ? pageChrome(c, HOME) : {};
}
