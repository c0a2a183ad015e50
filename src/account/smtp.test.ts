import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket, createSecureContext, createServer as createTlsServer } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config/config.js';
import { createMailOutbox } from '../server/mail.js';
import type { Logger } from '../server/logger.js';
import { type OutboxMessage, listOutbox } from './outbox.js';
import { SmtpError, dotStuff, parseSmtpUrl, smtpOutbox } from './smtp.js';

/** What the test server should do. */
interface Behaviour {
  extensions?: string[];
  /** Accepted AUTH PLAIN credentials (`\0user\0pass`). */
  plain?: string;
  rejectRcpt?: boolean;
  /** For STARTTLS. */
  tls?: { key: string; cert: string };
  /** Answer nothing after the greeting. */
  silent?: boolean;
}

interface Session {
  /** Lines the client sent, in order (DATA's content included, as sent). */
  lines: string[];
  /** The message as received, dot-unstuffed. */
  data?: string;
  secured: boolean;
}

/** A tiny SMTP server on loopback that records the conversation. */
async function smtpServer(
  behaviour: Behaviour,
  implicitTls?: { key: string; cert: string },
): Promise<{ port: number; sessions: Session[]; close(): Promise<void> }> {
  const sessions: Session[] = [];
  const handle = (initial: Socket, secured: boolean) => {
    const session: Session = { lines: [], secured };
    sessions.push(session);
    let socket: Socket = initial;
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    const reply = (s: string) => socket.write(`${s}\r\n`);
    const ehlo = () => {
      const ext = [...(behaviour.extensions ?? [])];
      if (session.secured) ext.splice(ext.indexOf('STARTTLS') >>> 0, ext.includes('STARTTLS') ? 1 : 0);
      const all = ['test.local greets you', ...ext];
      all.forEach((l, i) => reply(`250${i === all.length - 1 ? ' ' : '-'}${l}`));
    };
    const onLine = (line: string) => {
      session.lines.push(line);
      if (inData) {
        if (line === '.') {
          inData = false;
          session.data = data.map((l) => (l.startsWith('..') ? l.slice(1) : l)).join('\r\n');
          reply('250 2.0.0 queued as 1234');
        } else data.push(line);
        return;
      }
      if (behaviour.silent) return;
      const [verb = '', ...rest] = line.split(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO':
          return ehlo();
        case 'STARTTLS': {
          reply('220 2.0.0 ready to start TLS');
          socket.removeAllListeners('data');
          const secure = new TLSSocket(socket, { isServer: true, secureContext: createSecureContext(behaviour.tls) });
          session.secured = true;
          socket = secure;
          secure.setEncoding('utf8');
          secure.on('data', onData);
          secure.on('error', () => undefined);
          return;
        }
        case 'AUTH':
          return reply(
            rest[0] === 'PLAIN' && Buffer.from(rest[1] ?? '', 'base64').toString() === behaviour.plain
              ? '235 2.7.0 Authentication successful'
              : '535 5.7.8 Authentication credentials invalid',
          );
        case 'MAIL':
          return reply('250 2.1.0 Ok');
        case 'RCPT':
          return reply(
            behaviour.rejectRcpt ? '550 5.1.1 <nobody@example.com>: Recipient address rejected' : '250 2.1.5 Ok',
          );
        case 'DATA':
          inData = true;
          data = [];
          return reply('354 End data with <CR><LF>.<CR><LF>');
        case 'QUIT':
          reply('221 2.0.0 Bye');
          socket.end();
          return;
        default:
          return reply('502 5.5.2 Error: command not recognized');
      }
    };
    const onData = (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        onLine(line);
      }
    };
    socket.setEncoding('utf8');
    socket.on('data', onData);
    socket.on('error', () => undefined);
    reply('220 test.local ESMTP');
  };
  const server: Server = implicitTls
    ? createTlsServer({ key: implicitTls.key, cert: implicitTls.cert }, (s) => handle(s, true))
    : createServer((s) => handle(s, false));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    sessions,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

const message: OutboxMessage = {
  to: 'root@example.com',
  subject: 'Amazon Web Services Password Assistance',
  id: 'a1b2c3',
  date: new Date('2026-03-01T10:00:00Z'),
  text: 'Hello,\n.hidden line starts with a dot\n..two dots\n.\nGrüße, secret-token-123',
};

let pki: { key: string; cert: string } | undefined;
let pkiDir: string;
beforeAll(() => {
  pkiDir = mkdtempSync(join(tmpdir(), 'ward-smtp-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(pkiDir, 'key.pem'),
        '-out',
        join(pkiDir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    pki = { key: readFileSync(join(pkiDir, 'key.pem'), 'utf8'), cert: readFileSync(join(pkiDir, 'cert.pem'), 'utf8') };
  } catch {
    pki = undefined;
  }
});
afterAll(() => rmSync(pkiDir, { recursive: true, force: true }));

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function start(behaviour: Behaviour, implicitTls?: { key: string; cert: string }) {
  const s = await smtpServer(behaviour, implicitTls);
  servers.push(s);
  return s;
}

describe('the SMTP URL', () => {
  it('takes scheme, credentials (percent-decoded), host, port and starttls', () => {
    expect(parseSmtpUrl('smtp://mailer:p%40ss%3Aword@mail.example.com:587?starttls=1')).toEqual({
      secure: false,
      starttls: true,
      host: 'mail.example.com',
      port: 587,
      user: 'mailer',
      password: 'p@ss:word',
    });
    expect(parseSmtpUrl('smtp://relay.internal')).toEqual({
      secure: false,
      starttls: false,
      host: 'relay.internal',
      port: 25,
    });
    expect(parseSmtpUrl('smtps://u:p@[::1]')).toEqual({
      secure: true,
      starttls: false,
      host: '::1',
      port: 465,
      user: 'u',
      password: 'p',
    });
    expect(() => parseSmtpUrl('http://example.com')).toThrow(/smtp:\/\/ or smtps:\/\//);
  });

  it('comes from WARD_SMTP_URL and WARD_MAIL_FROM', () => {
    const config = configFromEnv(
      {},
      { WARD_SMTP_URL: 'smtps://u:p@mail.example.com', WARD_MAIL_FROM: 'Ward <ward@example.com>' },
    );
    expect(config).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.com', mailFrom: 'Ward <ward@example.com>' });
    expect(configFromEnv({}, {})).toMatchObject({ mailFrom: 'AWS Account (Ward) <no-reply@ward.invalid>' });
    expect(configFromEnv({}, {}).smtpUrl).toBeUndefined();
    expect(() => configFromEnv({}, { WARD_SMTP_URL: 'mail.example.com:25' })).toThrow(/SMTP URL/);
  });
});

describe('dot-stuffing', () => {
  it('doubles leading dots, ends lines with CRLF and terminates with a lone dot', () => {
    expect(dotStuff('a\n.b\r\n..c\n.\n')).toBe('a\r\n..b\r\n...c\r\n..\r\n.\r\n');
  });
});

describe('sending over SMTP', () => {
  it('says EHLO, authenticates with AUTH PLAIN, and sends the dot-stuffed message', async () => {
    const server = await start({
      extensions: ['PIPELINING', 'AUTH LOGIN PLAIN', '8BITMIME'],
      plain: '\0mailer\0s3cret',
    });
    await smtpOutbox(`smtp://mailer:s3cret@127.0.0.1:${server.port}`, { from: 'Ward <ward@example.com>' }).send(
      message,
    );
    const [session] = server.sessions;
    expect(session!.lines.slice(0, 5)).toEqual([
      'EHLO ward.invalid',
      `AUTH PLAIN ${Buffer.from('\0mailer\0s3cret').toString('base64')}`,
      'MAIL FROM:<ward@example.com> BODY=8BITMIME',
      'RCPT TO:<root@example.com>',
      'DATA',
    ]);
    expect(session!.lines).toContain('..hidden line starts with a dot');
    expect(session!.lines).toContain('...two dots');
    expect(session!.lines).toContain('..');
    expect(session!.lines.slice(-2)).toEqual(['.', 'QUIT']);
    const received = session!.data!;
    expect(received).toContain(
      'From: Ward <ward@example.com>\r\nTo: <root@example.com>\r\nSubject: Amazon Web Services Password Assistance\r\n',
    );
    expect(received).toContain('Message-ID: <a1b2c3@example.com>');
    expect(received).toContain(
      '\r\n\r\nHello,\r\n.hidden line starts with a dot\r\n..two dots\r\n.\r\nGrüße, secret-token-123',
    );
  });

  it('sends no AUTH without credentials, and no BODY=8BITMIME when not offered', async () => {
    const server = await start({ extensions: ['SIZE 1000000'] });
    await smtpOutbox(`smtp://127.0.0.1:${server.port}`, { from: 'ward@example.com' }).send(message);
    expect(server.sessions[0]!.lines.slice(0, 3)).toEqual([
      'EHLO ward.invalid',
      'MAIL FROM:<ward@example.com>',
      'RCPT TO:<root@example.com>',
    ]);
  });

  it("fails with the server's reply, never the message", async () => {
    const server = await start({ extensions: [], rejectRcpt: true });
    const err = await smtpOutbox(`smtp://127.0.0.1:${server.port}`, { from: 'ward@example.com' })
      .send(message)
      .then(
        () => undefined,
        (e: unknown) => e as SmtpError,
      );
    expect(err).toBeInstanceOf(SmtpError);
    expect(err!.message).toBe('SMTP RCPT TO refused: 550 5.1.1 <nobody@example.com>: Recipient address rejected');
    expect(err!.code).toBe(550);
  });

  it('fails on wrong credentials and on a server that offers no AUTH', async () => {
    const server = await start({ extensions: ['AUTH PLAIN'], plain: '\0mailer\0right' });
    await expect(
      smtpOutbox(`smtp://mailer:wrong@127.0.0.1:${server.port}`, { from: 'w@example.com' }).send(message),
    ).rejects.toThrow('SMTP AUTH PLAIN refused: 535 5.7.8 Authentication credentials invalid');
    const noAuth = await start({ extensions: [] });
    await expect(
      smtpOutbox(`smtp://mailer:x@127.0.0.1:${noAuth.port}`, { from: 'w@example.com' }).send(message),
    ).rejects.toThrow(/neither AUTH PLAIN nor AUTH LOGIN/);
  });

  it('times out on a silent server', async () => {
    const server = await start({ silent: true });
    await expect(
      smtpOutbox(`smtp://127.0.0.1:${server.port}`, { from: 'w@example.com', timeoutMs: 200 }).send(message),
    ).rejects.toThrow('the SMTP server did not answer within 200 ms');
  });

  it('upgrades with STARTTLS when the URL asks, and authenticates only over TLS', async (ctx) => {
    if (!pki) ctx.skip();
    const server = await start({ extensions: ['STARTTLS', 'AUTH PLAIN'], plain: '\0mailer\0s3cret', tls: pki });
    await smtpOutbox(`smtp://mailer:s3cret@127.0.0.1:${server.port}?starttls=1`, {
      from: 'w@example.com',
      tls: { ca: pki!.cert },
    }).send(message);
    const [session] = server.sessions;
    expect(session!.secured).toBe(true);
    expect(session!.lines.slice(0, 4)).toEqual([
      'EHLO ward.invalid',
      'STARTTLS',
      'EHLO ward.invalid',
      `AUTH PLAIN ${Buffer.from('\0mailer\0s3cret').toString('base64')}`,
    ]);
    expect(session!.data).toContain('secret-token-123');
  });

  it('refuses to go on when STARTTLS is asked for but not offered', async () => {
    const server = await start({ extensions: ['AUTH PLAIN'], plain: '\0mailer\0s3cret' });
    await expect(
      smtpOutbox(`smtp://mailer:s3cret@127.0.0.1:${server.port}?starttls=1`, { from: 'w@example.com' }).send(message),
    ).rejects.toThrow(/does not offer STARTTLS/);
    expect(server.sessions[0]!.lines.some((l) => l.startsWith('AUTH'))).toBe(false);
  });

  it('speaks TLS from the first byte with smtps://', async (ctx) => {
    if (!pki) ctx.skip();
    const server = await start({ extensions: ['AUTH PLAIN'], plain: '\0mailer\0s3cret' }, pki);
    await smtpOutbox(`smtps://mailer:s3cret@127.0.0.1:${server.port}`, {
      from: 'w@example.com',
      tls: { ca: pki!.cert },
    }).send(message);
    expect(server.sessions[0]!.secured).toBe(true);
    expect(server.sessions[0]!.data).toContain('Subject: Amazon Web Services Password Assistance');
  });
});

describe("Ward's mail outbox", () => {
  function recordingLogger() {
    const errors: Array<{ fields: unknown; message: string }> = [];
    const logger = {
      error: (fields: unknown, message: string) => errors.push({ fields, message }),
    } as unknown as Logger;
    return { logger, errors };
  }

  it('writes the directory outbox only, without WARD_SMTP_URL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ward-mail-'));
    try {
      const { logger } = recordingLogger();
      await createMailOutbox({ dataDir, mailFrom: 'Ward <ward@example.com>' }, logger).send(message);
      const [stored] = await listOutbox(join(dataDir, 'outbox'));
      expect(stored).toMatchObject({
        from: 'Ward <ward@example.com>',
        to: 'root@example.com',
        subject: message.subject,
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with WARD_SMTP_URL, writes the directory outbox and relays over SMTP', async () => {
    const server = await start({ extensions: ['8BITMIME'] });
    const dataDir = mkdtempSync(join(tmpdir(), 'ward-mail-'));
    try {
      const { logger, errors } = recordingLogger();
      const outbox = createMailOutbox(
        { dataDir, smtpUrl: `smtp://127.0.0.1:${server.port}`, mailFrom: 'ward@example.com' },
        logger,
      );
      await outbox.send(message);
      await outbox.settled();
      expect(errors).toEqual([]);
      expect(await listOutbox(join(dataDir, 'outbox'))).toHaveLength(1);
      expect(server.sessions[0]!.data).toContain('To: <root@example.com>');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('logs an SMTP failure without the message and does not fail the send', async () => {
    const server = await start({ extensions: [], rejectRcpt: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'ward-mail-'));
    try {
      const { logger, errors } = recordingLogger();
      const outbox = createMailOutbox(
        { dataDir, smtpUrl: `smtp://127.0.0.1:${server.port}`, mailFrom: 'ward@example.com' },
        logger,
      );
      await outbox.send(message);
      await outbox.settled();
      expect(await listOutbox(join(dataDir, 'outbox'))).toHaveLength(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toBe('sending mail over SMTP failed');
      expect(JSON.stringify(errors[0]!.fields)).toContain('550 5.1.1');
      expect(JSON.stringify(errors)).not.toContain('secret-token-123');
      // Nothing listening: a connection error, logged the same way.
      const closed = await start({});
      const port = closed.port;
      await closed.close();
      servers.splice(servers.indexOf(closed), 1);
      const unreachable = createMailOutbox(
        { dataDir, smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'ward@example.com' },
        logger,
      );
      await unreachable.send(message);
      await unreachable.settled();
      expect(errors).toHaveLength(2);
      expect(JSON.stringify(errors[1]!.fields)).toContain('ECONNREFUSED');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
