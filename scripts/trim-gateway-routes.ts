// Trims botocore's service models to what the gateway routes by: per service its protocols and
// names, per operation its HTTP method and URI and where each input member travels. Writes
// src/gateway/routes/models/routes.json.gz (every service botocore ships). Run: npm run models:routes
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ServiceRoutes } from '../src/gateway/routes/route-types.js';

interface Shape {
  type: string;
  required?: string[];
  members?: Record<string, Member>;
  payload?: string;
  streaming?: boolean;
  eventstream?: boolean;
}
interface Member {
  shape: string;
  location?: string;
  locationName?: string;
}
interface Model {
  metadata: Record<string, unknown>;
  operations: Record<
    string,
    { http?: { method: string; requestUri: string }; input?: { shape: string }; deprecated?: boolean }
  >;
  shapes: Record<string, Shape>;
}

const out = join(dirname(fileURLToPath(import.meta.url)), '../src/gateway/routes/models/routes.json.gz');
const root = join(
  execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
    encoding: 'utf8',
  }).trim(),
  'data',
);

function load(service: string): Model | undefined {
  const versions = readdirSync(join(root, service))
    .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
    .sort();
  const dir = join(root, service, versions.at(-1) ?? '');
  for (const name of ['service-2.json', 'service-2.json.gz']) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    const raw = readFileSync(file);
    return JSON.parse((name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as Model;
  }
  return undefined;
}

const routes: ServiceRoutes[] = [];
for (const service of readdirSync(root).sort()) {
  if (!existsSync(join(root, service)) || service.startsWith('_')) continue;
  let model: Model | undefined;
  try {
    model = load(service);
  } catch {
    continue;
  }
  if (!model?.operations) continue;
  const m = model.metadata;
  const protocols = (m.protocols as string[] | undefined) ?? [m.protocol as string];
  const entry: ServiceRoutes = {
    service,
    protocols: protocols as ServiceRoutes['protocols'],
    signingName: (m.signingName as string | undefined) ?? (m.endpointPrefix as string),
    endpointPrefix: m.endpointPrefix as string,
    ...(m.targetPrefix ? { targetPrefix: m.targetPrefix as string } : {}),
    ...(m.apiVersion ? { apiVersion: m.apiVersion as string } : {}),
    operations: {},
  };
  for (const [name, op] of Object.entries(model.operations)) {
    const input = op.input ? model.shapes[op.input.shape] : undefined;
    const located: Array<[string, string, string]> = [];
    let payload: [string, 'blob' | 'structure'] | undefined;
    for (const [member, ref] of Object.entries(input?.members ?? {})) {
      if (ref.location && ref.location !== 'statusCode')
        located.push([member, ref.location, ref.locationName ?? member]);
    }
    if (input?.payload) {
      const target = model.shapes[input.members![input.payload]!.shape]!;
      payload = [input.payload, target.type === 'structure' && !target.eventstream ? 'structure' : 'blob'];
    }
    const inBody = Object.values(input?.members ?? {}).some((ref) => !ref.location);
    // Required query members tell apart operations on one URI (S3's AbortMultipartUpload needs uploadId).
    const requiredQuery = (input?.required ?? [])
      .map((member) => input!.members![member]!)
      .filter((ref) => ref.location === 'querystring')
      .map((ref) => ref.locationName!);
    // …and required headers (CopyObject's x-amz-copy-source on PutObject's URI).
    const requiredHeaders = (input?.required ?? [])
      .map((member) => input!.members![member]!)
      .filter((ref) => ref.location === 'header')
      .map((ref) => ref.locationName!.toLowerCase());
    entry.operations[name] = {
      ...(op.http ? { method: op.http.method, uri: op.http.requestUri } : {}),
      ...(located.length ? { located } : {}),
      ...(requiredQuery.length ? { requiredQuery } : {}),
      ...(requiredHeaders.length ? { requiredHeaders } : {}),
      ...(op.deprecated ? { deprecated: true } : {}),
      ...(payload ? { payload } : !input?.payload && inBody ? { body: true } : {}),
    };
  }
  routes.push(entry);
}
const bytes = gzipSync(Buffer.from(JSON.stringify(routes)), { level: 9 });
writeFileSync(out, bytes);
console.log(`${routes.length} services, ${(bytes.length / 1024).toFixed(0)} KiB gzipped -> ${out}`);
