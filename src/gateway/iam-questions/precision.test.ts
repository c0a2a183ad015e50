import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { precisionMarkdown, precisionTable } from './precision.js';

const DOC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/gateway-precision.md');

describe('the precision table', () => {
  it('lists the ten services with exact resources, each full or partial, with its limits', () => {
    const rows = precisionTable();
    for (const s of ['s3', 'sqs', 'sns', 'dynamodb', 'lambda', 'kms', 'secretsmanager', 'ssm', 'logs', 'events'])
      expect(rows.find((r) => r.service === s)?.precision, s).toMatch(/^(full|partial)$/);
    for (const r of rows) expect(r.limits.length, r.service).toBeGreaterThan(10);
    // A partial service says which operations are not exact, or what it does not cover.
    for (const r of rows.filter((x) => x.precision === 'partial'))
      expect(Object.keys(r.inexact).length + r.limits.length).toBeGreaterThan(0);
  });

  it('docs/gateway-precision.md is generated from the mappings (npm run gateway:precision)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(precisionMarkdown());
  });
});
