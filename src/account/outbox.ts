import { readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { privateDir, privateIfPresent } from '../shared/private-files.js';

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

/** The From of Ward's messages unless WARD_MAIL_FROM says otherwise. */
export const DEFAULT_MAIL_FROM = 'AWS Account (Ward) <no-reply@ward.invalid>';

/** RFC 5322 header values: no line breaks may reach the header block. */
function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** The address of a From such as `Name <a@b>` or `a@b`. */
export function mailAddress(from: string): string {
  const m = /<([^<>]*)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim();
}

/** The message as plain-text RFC 5322 (CRLF line ends, 8-bit UTF-8 body). */
export function renderMessage(m: OutboxMessage, from: string = DEFAULT_MAIL_FROM): string {
  const domain = mailAddress(from).split('@')[1] || 'ward.invalid';
  return [
    `From: ${headerSafe(from)}`,
    `To: <${headerSafe(m.to)}>`,
    `Subject: ${headerSafe(m.subject)}`,
    `Date: ${m.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${headerSafe(m.id)}@${headerSafe(domain)}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...m.text.split(/\r?\n/),
    '',
  ].join('\r\n');
}

/**
 * The outbox as a directory of `.eml` files (`<data>/outbox/`), one plain-text RFC 5322 message
 * each. They hold root password-recovery links and email verification codes, so the directory
 * is 0700 and each message 0600, whatever the umask; made at start, when messages an earlier
 * version left readable are tightened too.
 */
export function directoryOutbox(dir: string, from: string = DEFAULT_MAIL_FROM): Outbox {
  privateDir(dir);
  for (const name of readdirSync(dir)) if (name.endsWith('.eml')) privateIfPresent(join(dir, name));
  return {
    async send(m) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const stamp = m.date.toISOString().replace(/[:.]/g, '-');
      await writeFile(join(dir, `${stamp}-${m.id.replace(/[^A-Za-z0-9-]/g, '_')}.eml`), renderMessage(m, from), {
        mode: 0o600,
      });
    },
  };
}

/**
 * Every message to the directory outbox (the console's outbox page reads it) and also to
 * `relay` (SMTP). The directory write is the call's; the relay's delivery runs in the
 * background, and its failure goes to `onError` without failing the caller.
 */
export function relayedOutbox(
  directory: Outbox,
  relay: Outbox,
  onError: (err: unknown) => void,
): Outbox & { settled(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  return {
    async send(m) {
      await directory.send(m);
      const delivery: Promise<void> = relay.send(m).then(
        () => undefined,
        (err: unknown) => onError(err),
      );
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

/** A message of the directory outbox, as the console shows it. */
export interface StoredOutboxMessage {
  /** The file name without `.eml`: pass it to readOutboxMessage. */
  id: string;
  from: string;
  to: string;
  subject: string;
  date: Date;
  text: string;
}

const MESSAGE_ID = /^[A-Za-z0-9_-]{1,200}$/;

/** Parses one `.eml` file the directory outbox wrote (headers unfolded; the body as text with \n line ends). */
export function parseEml(id: string, raw: string): StoredOutboxMessage {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const to = headers.get('to') ?? '';
  const date = new Date(headers.get('date') ?? '');
  return {
    id,
    from: headers.get('from') ?? '',
    to: mailAddress(to),
    subject: headers.get('subject') ?? '',
    date: Number.isNaN(date.getTime()) ? new Date(0) : date,
    text: body.replace(/\r\n/g, '\n').replace(/\n$/, ''),
  };
}

/** The directory outbox's messages, newest first (none when the directory does not exist yet). */
export async function listOutbox(dir: string): Promise<StoredOutboxMessage[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const ids = names
    .filter((n) => n.endsWith('.eml'))
    .map((n) => n.slice(0, -4))
    .filter((id) => MESSAGE_ID.test(id));
  const messages = await Promise.all(
    ids.map(async (id) => parseEml(id, await readFile(join(dir, `${id}.eml`), 'utf8'))),
  );
  // File names start with the message's ISO timestamp (to the millisecond); the Date header has seconds only.
  return messages.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** One message of the directory outbox by its ID, or undefined (unknown, or not an ID listOutbox gives). */
export async function readOutboxMessage(dir: string, id: string): Promise<StoredOutboxMessage | undefined> {
  if (!MESSAGE_ID.test(id)) return undefined;
  try {
    return parseEml(id, await readFile(join(dir, `${id}.eml`), 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
