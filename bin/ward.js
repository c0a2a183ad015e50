#!/usr/bin/env node
// Runs the compiled Ward in dist/ (`npm run build`; `npm start` builds it when stale, and a packed
// package ships it built). The Node.js version is checked before any dependency is loaded: on an
// older Node they fail without naming the cause (better-sqlite3's N-API binary crashes on Node 20).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('ward: dist/ is not built; run `npm run build` (or `npm start`, which builds it)\n');
  process.exit(1);
}
const { exitOnUnsupportedNode } = await import('../dist/cli/node-version.js');
exitOnUnsupportedNode();
await import(main.href);
