import { writeSync } from 'node:fs';
import { pino } from 'pino';
import type { Logger } from './logger.js';

/** One API request as the log shows it: never a header or a body, which carry secrets. */
export interface RequestLogEntry {
  requestId: string;
  method: string | undefined;
  service: string | undefined;
  action: string | undefined;
  status: number;
  errorCode: string | undefined;
  principal: string | undefined;
  accessKeyId: string | undefined;
  sourceIp: string | undefined;
  ms: number;
}

export interface RequestLog {
  /** A request that was answered (error answers included). */
  write(entry: RequestLogEntry): void;
  /** Writes what is buffered now. */
  flush(): void;
}

/** A request line is pino's `info`. */
const INFO = pino.levels.values.info!;
/** Buffered bytes that trigger a write; the timer writes anything older than `FLUSH_MS`. */
const FLUSH_AT = 16_384;
const FLUSH_MS = 100;

/**
 * Request lines in pino's own JSON shape, built by hand and written in batches. A pino call per
 * request cost about 6 µs of serializing, and a synchronous write per line more again: together
 * a third of a small request's CPU. Batches are written synchronously, as whole lines, so they
 * never tear against the operational log (pino, on the same descriptor).
 */
export class BufferedRequestLog implements RequestLog {
  readonly #fd: number;
  readonly #enabled: boolean;
  #buffer = '';
  #timer: NodeJS.Timeout | undefined;

  constructor(fd: number, level: string) {
    this.#fd = fd;
    // `silent` has no number: nothing is written.
    this.#enabled = level !== 'silent' && (pino.levels.values[level] ?? INFO) <= INFO;
  }

  write(e: RequestLogEntry): void {
    if (!this.#enabled) return;
    let line = `{"level":${INFO},"time":"${isoNow()}","service":"ward","requestId":${jsonString(e.requestId)}`;
    if (e.method !== undefined) line += `,"method":${jsonString(e.method)}`;
    if (e.service !== undefined) line += `,"service":${jsonString(e.service)}`;
    if (e.action !== undefined) line += `,"action":${jsonString(e.action)}`;
    line += `,"status":${e.status}`;
    if (e.errorCode !== undefined) line += `,"errorCode":${jsonString(e.errorCode)}`;
    if (e.principal !== undefined) line += `,"principal":${jsonString(e.principal)}`;
    if (e.accessKeyId !== undefined) line += `,"accessKeyId":${jsonString(e.accessKeyId)}`;
    if (e.sourceIp !== undefined) line += `,"sourceIp":${jsonString(e.sourceIp)}`;
    this.#buffer += `${line},"ms":${milliseconds(e.ms)},"msg":"request"}\n`;
    if (this.#buffer.length >= FLUSH_AT) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), FLUSH_MS).unref();
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const text = this.#buffer;
    this.#buffer = '';
    if (text === '') return;
    try {
      writeSync(this.#fd, text);
    } catch {
      // A closed or full stdout must not take requests down with it; the lines are lost, as pino's would be.
    }
  }
}

/**
 * Milliseconds to the microsecond, from integers: a double's shortest decimal form (0.084321…)
 * cost about 0.1 µs a line, five times this (1% of the request thread under load).
 */
function milliseconds(ms: number): string {
  const us = Math.round(ms * 1000);
  if (!(us >= 0 && us <= Number.MAX_SAFE_INTEGER)) return JSON.stringify(ms);
  const fraction = us % 1000;
  return `${(us - fraction) / 1000}.${fraction < 10 ? '00' : fraction < 100 ? '0' : ''}${fraction}`;
}

/** Request lines through a given pino logger (tests that capture the log pass their own). */
export function loggerRequestLog(logger: Logger): RequestLog {
  return {
    write: (entry) => {
      if (logger.isLevelEnabled('info')) logger.info(entry, 'request');
    },
    flush: () => logger.flush(),
  };
}

/** Characters a JSON string may hold as they are: IDs, ARNs, names and addresses are made of them. */
const PLAIN = /^[\w .:/@+=,-]*$/;

/** `value` as a JSON string; most values need no escaping, and the test is cheaper than JSON.stringify. */
function jsonString(value: string): string {
  return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
}

let isoMs = -1;
let isoText = '';

/** The time as pino writes it; requests arrive many to a millisecond, so its text is made once per millisecond. */
function isoNow(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoMs = ms;
    isoText = new Date(ms).toISOString();
  }
  return isoText;
}
