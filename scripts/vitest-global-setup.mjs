// Vitest's global setup: the end-to-end suites that spawn `bin/ward.js` (CLI, crash, audit trail,
// events) run the compiled dist/, so it is brought up to date once before any test file starts,
// whether the run is `npm test` or a single `npx vitest run <file>`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function setup() {
  execFileSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url)), '--if-stale'], {
    stdio: 'inherit',
  });
}
