import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BufferedRequestLog, type RequestLogEntry } from './request-log.js';

const entry = (n: number, extra: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  requestId: `req-${n}`,
  method: 'POST',
  service: 'iam',
  action: 'GetUser',
  status: 200,
  errorCode: undefined,
  principal: 'arn:aws:iam::123456789012:user/a"b\\c\n',
  accessKeyId: 'AKIAEXAMPLE000000001',
  sourceIp: '127.0.0.1',
  ms: 0.25,
  ...extra,
});

let dir: string;
let file: string;
let fd: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ward-request-log-'));
  file = join(dir, 'log');
  fd = openSync(file, 'a');
});
afterEach(() => {
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
});
const lines = () =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the request log', () => {
  it("writes pino's line shape, buffered until flush", () => {
    const log = new BufferedRequestLog(fd, 'info');
    log.write(entry(1));
    log.write(entry(2, { status: 403, errorCode: 'AccessDenied', principal: undefined, ms: 12.0004 }));
    expect(readFileSync(file, 'utf8')).toBe('');
    log.flush();
    const [first, second] = lines();
    expect(first).toMatchObject({
      level: 30,
      requestId: 'req-1',
      method: 'POST',
      action: 'GetUser',
      status: 200,
      principal: 'arn:aws:iam::123456789012:user/a"b\\c\n',
      ms: 0.25,
      msg: 'request',
    });
    expect(Date.parse(first!.time as string)).toBeGreaterThan(0);
    expect(second).toMatchObject({ status: 403, errorCode: 'AccessDenied', ms: 12 });
    expect(second).not.toHaveProperty('principal');
  });

  it('writes by itself once enough has built up, and after a moment', async () => {
    const log = new BufferedRequestLog(fd, 'debug');
    for (let i = 0; i < 200; i++) log.write(entry(i));
    const early = lines().length;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(200);
    await new Promise((r) => setTimeout(r, 250));
    expect(lines().map((l) => l.requestId)).toEqual(Array.from({ length: 200 }, (_, i) => `req-${i}`));
  });

  it('writes nothing above info', () => {
    const log = new BufferedRequestLog(fd, 'warn');
    log.write(entry(1));
    log.flush();
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
