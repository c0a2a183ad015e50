import { type Socket, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 18: a client that opens connections and then sends slowly (or not at all) must
 * not hold them for node's defaults (5 minutes per request, no cap on connections). The limits
 * are settings (WARD_REQUEST_TIMEOUT_MS, WARD_HEADERS_TIMEOUT_MS, WARD_MAX_CONNECTIONS); here
 * they are small so the test sees them act.
 */

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard({ settings: { requestTimeoutMs: 1500, headersTimeoutMs: 600, maxConnections: 3 } });
});
afterAll(() => t.close());

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(t.ward.port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(text));
  });
}

describe('slow clients and connection floods', () => {
  it('answers 408 and closes a connection whose body never arrives', async () => {
    const socket = await open();
    const answer = untilClosed(socket);
    socket.write(
      `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=`,
    );
    expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 and closes a connection whose headers never end', async () => {
    const socket = await open();
    const answer = untilClosed(socket);
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('drops connections beyond the cap, and takes new ones once others close', async () => {
    const held = await Promise.all([open(), open(), open()]);
    // Wait until the server has accepted all three before opening the fourth.
    const health = (socket: Socket) =>
      new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes('{"status":"ok"}')) resolve(text);
        });
        socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      });
    for (const s of held) await health(s);
    const extra = await open();
    const refused = untilClosed(extra);
    extra.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await refused).toBe('');

    held[0].destroy();
    await new Promise<void>((resolve) => held[0].once('close', () => resolve()));
    // The server learns of the close asynchronously: retry until a slot is free.
    let answered = '';
    while (!answered.includes('200 OK')) {
      const s = await open();
      const all = untilClosed(s);
      s.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
      answered = await all;
    }
    for (const s of held) s.destroy();
  });
});
