// Writes docs/gateway-precision.md from the gateway's service mappings (src/gateway/iam-questions/).
// src/gateway/iam-questions/precision.test.ts fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precisionMarkdown } from '../src/gateway/iam-questions/precision.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/gateway-precision.md');
writeFileSync(out, precisionMarkdown());
console.log(`wrote ${out}`);
