import type { EmulatorAuth } from '../auth/authenticate.js';

export interface EmulatorControl {
  auth: EmulatorAuth;
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
      return json(400, { status: 'error', message: 'The body must be a non-negative whole number.' });
    const previous = control.auth.skipRemaining;
    control.auth.skipRemaining = count;
    return json(200, { PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: String(previous) });
  }
  return undefined;
}

/** moto's clients send the bare number; a JSON object with the count is accepted too. */
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
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
