// The production build: compiles src/ (without its tests) to dist/ with tsc, then copies the files
// the compiled code reads at run time by a path next to itself (new URL('./…', import.meta.url)).
//   node scripts/build.mjs             build (tsc is incremental: unchanged files are not re-emitted)
//   node scripts/build.mjs --if-stale  build only when a source is newer than the last build (npm start)
// Plain JavaScript, so it runs before anything is compiled and without tsx.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');

/** Read at run time from beside the compiled module (src/wire/model.ts, src/console/app.tsx). */
const ASSETS = ['console/assets', 'wire/models', 'gateway/routes/models'];
/** Inputs besides src/ that change what the build emits. */
const CONFIG = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its directory's mtime
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Copies only what differs: a build with nothing to do writes nothing a running Ward could read half-written. */
function copyChanged(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    if (statSync(source).isDirectory()) copyChanged(source, target);
    else if (!existsSync(target) || !readFileSync(source).equals(readFileSync(target))) copyFileSync(source, target);
  }
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return [join(root, 'src'), ...CONFIG.map((f) => join(root, f))].some((p) => newestMtime(p) > built);
}

// An installed package has dist/ and no src/: nothing to rebuild from.
if (process.argv.includes('--if-stale') && (!existsSync(join(root, 'src')) || !isStale())) process.exit(0);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error('ward build: typescript is not installed; run `npm ci` (with dev dependencies) first');
  process.exit(1);
}
const started = Date.now();
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('ward build: tsc failed');
  process.exit(result.status ?? 1);
}
for (const dir of ASSETS) copyChanged(join(root, 'src', dir), join(dist, dir));
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.error(`ward build: dist/ compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
