import type { EmulatorRelaxations } from '../shared/emulator-relaxations.js';

export interface EmulatorControl {
  relaxations: EmulatorRelaxations;
  /** Restores the store to its just-bootstrapped state. */
  reset(): Promise<void>;
}

export interface SimpleResponse {
  status: number;
  contentType: string;
  body: string;
}

const json = (status: number, value: unknown): SimpleResponse => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(value),
});

/** moto's server control endpoints, which test suites moving from moto already call. */
export async function emulatorRoute(
  path: string,
  method: string,
  body: Buffer,
  control: EmulatorControl,
): Promise<SimpleResponse | undefined> {
  if (path === '/moto-api/reset' && method === 'POST') {
    await control.reset();
    return json(200, { status: 'ok' });
  }
  if (path === '/moto-api/reset-auth' && method === 'POST') {
    const count = parseCount(body.toString('utf8'));
    if (count === undefined)
      return json(400, { status: 'error', message: 'The body must be a non-negative whole number, or inf.' });
    const relaxations = control.relaxations;
    const previous = relaxations.noAuthCount;
    relaxations.noAuthCount = count;
    relaxations.noAuthRemaining = count;
    return json(200, { status: 'ok', PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: pythonFloat(previous) });
  }
  return undefined;
}

/** The count as moto reports it, Python's `str(float(n))`: `inf`, `5.0`. */
const pythonFloat = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : 'inf');

/** moto's clients send the bare number (or `inf`); a JSON object with the count is accepted too. */
function parseCount(text: string): number | undefined {
  const trimmed = text.trim();
  let value: unknown = trimmed;
  if (trimmed.startsWith('{')) {
    try {
      value = Object.values(JSON.parse(trimmed) as Record<string, unknown>)[0];
    } catch {
      return undefined;
    }
  }
  if (typeof value === 'string' && /^\+?inf(inity)?$/i.test(value)) return Infinity;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
