import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A message Ward would have emailed; Ward has no mail, so it lands in the outbox. */
export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  /** Unique per message (the request ID): the file name and Message-ID. */
  id: string;
  date: Date;
}

export interface Outbox {
  send(message: OutboxMessage): Promise<void>;
}

/** RFC 5322 header values: no line breaks may reach the header block. */
function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** The outbox as a directory of `.eml` files (`<data>/outbox/`), one plain-text RFC 5322 message each. */
export function directoryOutbox(dir: string): Outbox {
  return {
    async send(m) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const text = [
        'From: AWS Account (Ward) <no-reply@ward.invalid>',
        `To: <${headerSafe(m.to)}>`,
        `Subject: ${headerSafe(m.subject)}`,
        `Date: ${m.date.toUTCString().replace('GMT', '+0000')}`,
        `Message-ID: <${headerSafe(m.id)}@ward.invalid>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        ...m.text.split(/\r?\n/),
        '',
      ].join('\r\n');
      const stamp = m.date.toISOString().replace(/[:.]/g, '-');
      await writeFile(join(dir, `${stamp}-${m.id.replace(/[^A-Za-z0-9-]/g, '_')}.eml`), text, { mode: 0o600 });
    },
  };
}
