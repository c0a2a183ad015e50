import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAtTurnEnd } from './coalesced-writes.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that holds requests until `count` have arrived, then answers them all in one turn. */
async function serve(
  count: number,
  answer: (req: IncomingMessage, res: ServerResponse, onError: (e: unknown) => void) => void,
) {
  const held: Array<[IncomingMessage, ServerResponse]> = [];
  const errors: unknown[] = [];
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      held.push([req, res]);
      if (held.length === count) for (const [q, r] of held.splice(0)) answer(q, r, (e) => errors.push(e));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, errors };
}

function get(port: number, path: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ port, path, host: '127.0.0.1', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
    req.end();
  });
}

describe('answers written at the end of the turn', () => {
  it('gives each connection its own answer, all written in one turn', async () => {
    const { port } = await serve(3, (req, res, onError) => {
      const body = `answer to ${req.url}`;
      writeAtTurnEnd(res, 200, { 'Content-Type': 'text/plain', 'Content-Length': body.length }, body, onError);
      // Nothing is written before the turn ends.
      expect(res.headersSent).toBe(false);
    });
    const answers = await Promise.all(['/a', '/b', '/c'].map((p) => get(port, p)));
    expect(answers).toEqual([
      { status: 200, body: 'answer to /a' },
      { status: 200, body: 'answer to /b' },
      { status: 200, body: 'answer to /c' },
    ]);
  });

  it('an answer that cannot be written closes only its own connection and is reported', async () => {
    const { port, errors } = await serve(2, (req, res, onError) => {
      // A header value with a line break is refused by node at writeHead.
      const bad = req.url === '/bad' ? 'x\r\nInjected: 1' : 'fine';
      writeAtTurnEnd(res, 200, { 'Content-Length': 2, 'x-test': bad }, 'ok', onError);
    });
    const [good, bad] = await Promise.all([get(port, '/good'), get(port, '/bad')]);
    expect(good).toEqual({ status: 200, body: 'ok' });
    expect(bad).toHaveProperty('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'ERR_INVALID_CHAR' });
  });

  it('skips a response whose client went away before the turn ended', async () => {
    let skipped: ServerResponse | undefined;
    const { port, errors } = await serve(1, (_req, res, onError) => {
      res.destroy();
      skipped = res;
      writeAtTurnEnd(res, 200, { 'Content-Length': 2 }, 'ok', onError);
    });
    expect(await get(port, '/gone')).toHaveProperty('error');
    await new Promise((resolve) => setImmediate(resolve));
    expect(skipped!.headersSent).toBe(false);
    expect(errors).toEqual([]);
  });
});
