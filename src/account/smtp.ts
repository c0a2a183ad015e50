/**
 * A small SMTP client (RFC 5321) on node:net / node:tls, enough to hand Ward's plain-text
 * messages to a relay: EHLO (HELO when EHLO is refused), STARTTLS, AUTH PLAIN (or LOGIN),
 * MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT.
 *
 * The relay comes from a URL (WARD_SMTP_URL):
 * - `smtp://[user:pass@]host[:port]`: plain connection, port 25 by default;
 *   `?starttls=1` upgrades it with STARTTLS and fails when the server does not offer it.
 * - `smtps://[user:pass@]host[:port]`: TLS from the first byte, port 465 by default.
 * User and password are percent-decoded. Errors carry the server's reply, never the message.
 */
import { type Socket, isIP, connect as netConnect } from 'node:net';
import { type ConnectionOptions, type TLSSocket, connect as tlsConnect } from 'node:tls';
import { type Outbox, type OutboxMessage, mailAddress, renderMessage } from './outbox.js';

export interface SmtpRelay {
  secure: boolean;
  starttls: boolean;
  host: string;
  port: number;
  user?: string;
  password?: string;
}

export interface SmtpOptions {
  /** The From header (`Name <addr>` or `addr`); its address is the envelope sender. */
  from: string;
  /** The name Ward gives in EHLO (default `ward.invalid`). */
  clientName?: string;
  /** Per-reply timeout (default 30 s). */
  timeoutMs?: number;
  /** Extra TLS options (a private CA, say) for smtps:// and STARTTLS. */
  tls?: ConnectionOptions;
}

export class SmtpError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'SmtpError';
  }
}

/** Parses WARD_SMTP_URL. */
export function parseSmtpUrl(url: string): SmtpRelay {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('the SMTP URL must look like smtp://user:pass@host:port or smtps://host:port');
  }
  const scheme = u.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'smtp' && scheme !== 'smtps') throw new Error('the SMTP URL must start with smtp:// or smtps://');
  if (!u.hostname) throw new Error('the SMTP URL has no host');
  const secure = scheme === 'smtps';
  const starttlsParam = u.searchParams.get('starttls');
  const starttls = !secure && starttlsParam !== null && /^(1|true|yes|required)$/i.test(starttlsParam);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    secure,
    starttls,
    host,
    port: u.port ? Number(u.port) : secure ? 465 : 25,
    ...(u.username ? { user: decodeURIComponent(u.username) } : {}),
    ...(u.username || u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

interface Reply {
  code: number;
  lines: string[];
}

/** Reads CRLF lines off a socket and groups them into (multiline) replies. */
class ReplyReader {
  #buffer = '';
  #lines: string[] = [];
  #replies: Reply[] = [];
  #waiting: Array<{ resolve: (r: Reply) => void; reject: (e: Error) => void }> = [];
  #failure: Error | undefined;

  constructor(
    readonly socket: Socket | TLSSocket,
    timeoutMs: number,
  ) {
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new SmtpError(`the SMTP server did not answer within ${timeoutMs} ms`)),
    );
    socket.on('data', (chunk: string) => this.#data(chunk));
    socket.on('error', (err: Error) => this.#fail(err));
    socket.on('close', () => this.#fail(new SmtpError('the SMTP server closed the connection')));
  }

  #data(chunk: string): void {
    this.#buffer += chunk;
    let nl: number;
    while ((nl = this.#buffer.indexOf('\n')) >= 0) {
      const line = this.#buffer.slice(0, nl).replace(/\r$/, '');
      this.#buffer = this.#buffer.slice(nl + 1);
      const m = /^(\d{3})([ -])(.*)$/.exec(line) ?? /^(\d{3})()$/.exec(line);
      if (!m) {
        this.#fail(new SmtpError(`the SMTP server sent an unreadable line: ${line.slice(0, 100)}`));
        return;
      }
      this.#lines.push(m[3] ?? '');
      if (m[2] !== '-') {
        this.#push({ code: Number(m[1]), lines: this.#lines });
        this.#lines = [];
      }
    }
  }

  #push(reply: Reply): void {
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve(reply);
    else this.#replies.push(reply);
  }

  #fail(err: Error): void {
    if (this.#failure) return;
    this.#failure = err;
    for (const w of this.#waiting.splice(0)) w.reject(err);
  }

  next(): Promise<Reply> {
    const ready = this.#replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Stops reading (before the socket is handed to TLS). */
  detach(): void {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('close');
    this.socket.setTimeout(0);
  }
}

/** `.` at the start of a line doubled, every line ended with CRLF, then the terminating `.`. */
export function dotStuff(data: string): string {
  const lines = data.replace(/\r?\n/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((l) => (l.startsWith('.') ? `.${l}` : l)).join('\r\n') + '\r\n.\r\n';
}

function refused(step: string, reply: Reply): SmtpError {
  return new SmtpError(`SMTP ${step} refused: ${reply.code} ${reply.lines.join(' ').slice(0, 200)}`, reply.code);
}

/** SNI names a host, never an IP address (RFC 6066). */
const serverName = (relay: SmtpRelay): { servername?: string } => (isIP(relay.host) ? {} : { servername: relay.host });

function connectSocket(relay: SmtpRelay, tls: ConnectionOptions | undefined): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = relay.secure
      ? tlsConnect({ host: relay.host, port: relay.port, ...serverName(relay), ...tls }, () => done())
      : netConnect({ host: relay.host, port: relay.port }, () => done());
    const failed = (err: Error) => reject(err);
    const done = () => {
      socket.off('error', failed);
      resolve(socket);
    };
    socket.once('error', failed);
  });
}

function upgrade(socket: Socket, relay: SmtpRelay, tls: ConnectionOptions | undefined): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secured = tlsConnect({ socket, ...serverName(relay), ...tls }, () => {
      secured.off('error', reject);
      resolve(secured);
    });
    secured.once('error', reject);
  });
}

/** Sends one message (already rendered as RFC 5322) to `to` through the relay. */
export async function sendSmtp(
  relay: SmtpRelay,
  options: SmtpOptions,
  envelope: { from: string; to: string[] },
  data: string,
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const clientName = options.clientName ?? 'ward.invalid';
  let reader = new ReplyReader(await connectSocket(relay, options.tls), timeoutMs);
  const command = async (line: string, step: string, ok: (code: number) => boolean): Promise<Reply> => {
    reader.socket.write(`${line}\r\n`);
    const reply = await reader.next();
    if (!ok(reply.code)) throw refused(step, reply);
    return reply;
  };
  const is2xx = (c: number) => c >= 200 && c < 300;
  try {
    const greeting = await reader.next();
    if (greeting.code !== 220) throw refused('greeting', greeting);
    const hello = async (): Promise<Set<string>> => {
      reader.socket.write(`EHLO ${clientName}\r\n`);
      const reply = await reader.next();
      if (is2xx(reply.code)) return new Set(reply.lines.slice(1).map((l) => l.toUpperCase()));
      await command(`HELO ${clientName}`, 'HELO', is2xx);
      return new Set();
    };
    let extensions = await hello();
    if (relay.starttls) {
      if (!extensions.has('STARTTLS'))
        throw new SmtpError('the SMTP server does not offer STARTTLS, which the SMTP URL asks for');
      await command('STARTTLS', 'STARTTLS', (c) => c === 220);
      reader.detach();
      reader = new ReplyReader(await upgrade(reader.socket, relay, options.tls), timeoutMs);
      extensions = await hello();
    }
    if (relay.user !== undefined) {
      const auth = [...extensions].find((e) => e.startsWith('AUTH ') || e.startsWith('AUTH='));
      const mechanisms = new Set((auth ?? '').slice(5).split(/\s+/));
      if (mechanisms.has('PLAIN')) {
        const credentials = Buffer.from(`\0${relay.user}\0${relay.password ?? ''}`, 'utf8').toString('base64');
        await command(`AUTH PLAIN ${credentials}`, 'AUTH PLAIN', (c) => c === 235);
      } else if (mechanisms.has('LOGIN')) {
        await command('AUTH LOGIN', 'AUTH LOGIN', (c) => c === 334);
        await command(Buffer.from(relay.user, 'utf8').toString('base64'), 'AUTH LOGIN user name', (c) => c === 334);
        await command(
          Buffer.from(relay.password ?? '', 'utf8').toString('base64'),
          'AUTH LOGIN password',
          (c) => c === 235,
        );
      } else {
        throw new SmtpError(
          'the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN, and the SMTP URL has credentials',
        );
      }
    }
    const body8bit = extensions.has('8BITMIME') ? ' BODY=8BITMIME' : '';
    await command(`MAIL FROM:<${envelope.from}>${body8bit}`, 'MAIL FROM', is2xx);
    for (const rcpt of envelope.to) await command(`RCPT TO:<${rcpt}>`, 'RCPT TO', is2xx);
    await command('DATA', 'DATA', (c) => c === 354);
    reader.socket.write(dotStuff(data));
    const accepted = await reader.next();
    if (!is2xx(accepted.code)) throw refused('message', accepted);
    reader.socket.write('QUIT\r\n');
    await reader.next().catch(() => undefined);
  } finally {
    reader.socket.destroy();
  }
}

/** The outbox that hands each message to an SMTP relay. */
export function smtpOutbox(url: string, options: SmtpOptions): Outbox {
  const relay = parseSmtpUrl(url);
  const sender = mailAddress(options.from);
  const unsafe = (s: string) => /[\r\n<>]/.test(s);
  return {
    async send(m: OutboxMessage) {
      if (unsafe(m.to) || unsafe(sender)) throw new SmtpError('a mail address contains a line break or angle bracket');
      await sendSmtp(relay, options, { from: sender, to: [m.to] }, renderMessage(m, options.from));
    },
  };
}
