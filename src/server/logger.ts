import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout. Request bodies and headers are never logged: they carry secrets. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'ward' }, timestamp: pino.stdTimeFunctions.isoTime });
}
