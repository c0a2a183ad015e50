/**
 * Copies the IAM, STS, Organizations, Account and CloudTrail service models out of the locally installed
 * botocore into `src/wire/models/*.json`, minus the documentation that makes up most of their size.
 *
 * Re-runnable: `npm run models:trim`. Needs python3 with botocore importable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const SERVICES = ['iam', 'sts', 'organizations', 'account', 'cloudtrail'] as const;

/** Fields that only carry prose for humans; nothing at runtime reads them. */
const DROPPED_FIELDS = new Set(['documentation', 'documentationUrl', 'examples']);

/**
 * Keys whose object values are name-keyed maps where insertion order is meaningful
 * (member order is the XML element order) and must survive untouched.
 */
const ORDERED_MAPS = new Set(['members', 'shapes', 'operations']);

/** Reading order for the trait keys we know; the rest follow alphabetically. */
const KEY_PRIORITY = [
  'name',
  'type',
  'http',
  'input',
  'output',
  'errors',
  'shape',
  'resultWrapper',
  'required',
  'members',
  'member',
  'key',
  'value',
  'enum',
  'min',
  'max',
  'pattern',
];

function botocoreDataDir(): string {
  const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
    encoding: 'utf8',
  }).trim();
  return join(dir, 'data');
}

function latestVersionDir(serviceDir: string): string {
  const versions = readdirSync(serviceDir)
    .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
    .sort();
  const latest = versions.at(-1);
  if (!latest) throw new Error(`no API versions under ${serviceDir}`);
  return join(serviceDir, latest);
}

function readServiceModel(versionDir: string): Record<string, unknown> {
  const gz = join(versionDir, 'service-2.json.gz');
  // Older botocore releases ship the model uncompressed.
  const text = existsSync(gz)
    ? gunzipSync(readFileSync(gz)).toString('utf8')
    : readFileSync(join(versionDir, 'service-2.json'), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

function keyRank(key: string): number {
  const i = KEY_PRIORITY.indexOf(key);
  return i === -1 ? KEY_PRIORITY.length : i;
}

function clean(value: unknown, preserveOrder = false): unknown {
  if (Array.isArray(value)) return value.map((v) => clean(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !DROPPED_FIELDS.has(k));
  if (!preserveOrder) {
    entries.sort(([a], [b]) => keyRank(a) - keyRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    // A name-keyed map keeps its order; each entry inside it is an ordinary trait object.
    if (ORDERED_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) {
      const inner: Record<string, unknown> = {};
      for (const [name, def] of Object.entries(v as Record<string, unknown>)) inner[name] = clean(def);
      out[k] = inner;
    } else {
      out[k] = clean(v);
    }
  }
  return out;
}

function main(): void {
  const dataDir = botocoreDataDir();
  const outDir = fileURLToPath(new URL('../src/wire/models/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  for (const service of SERVICES) {
    const versionDir = latestVersionDir(join(dataDir, service));
    const raw = readServiceModel(versionDir);
    const trimmed = clean({ metadata: raw.metadata, operations: raw.operations, shapes: raw.shapes }, true);
    const outFile = join(outDir, `${service}.json`);
    writeFileSync(outFile, `${JSON.stringify(trimmed, null, 2)}\n`);
    console.log(`${service}: ${versionDir} -> ${outFile}`);
  }
}

main();
