import { SERVICE_MAPPINGS } from './services/index.js';
import type { Precision } from './types.js';

/** Which services the gateway maps to exact resources, and where not exactly. */

export interface PrecisionRow {
  service: string;
  prefix: string;
  precision: Precision;
  /** Operation → why it is not exact. */
  inexact: Record<string, string>;
  limits: string;
}

export function precisionTable(): PrecisionRow[] {
  return [...SERVICE_MAPPINGS.values()].map((m) => {
    const inexact: Record<string, string> = { ...m.inexact };
    for (const [op, o] of Object.entries(m.operations)) if (o.inexact) inexact[op] = o.inexact;
    return { service: m.service, prefix: m.prefix, precision: m.precision, inexact, limits: m.limits };
  });
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/gateway-precision.md, generated (`npm run gen:gateway-precision`; a test keeps it in sync). */
export function precisionMarkdown(): string {
  const rows = precisionTable();
  const lines = [
    '# Gateway IAM precision',
    '',
    '<!-- Generated from src/gateway/iam-questions/services/*.ts by scripts/gen-gateway-precision.ts; do not edit. -->',
    '',
    'What the gateway asks IAM for a call to each AWS service: the action from the Service',
    "Authorization Reference, the exact resource ARN, and the service's own condition keys.",
    '',
    "- **full**: every operation's action, resource and the service's condition keys as AWS asks them.",
    '- **partial**: as full, except the operations and limits listed.',
    '- **action-only**: the action on `*`. A statement scoped to resources never matches such a',
    '  call (fail closed): only `"Resource": "*"` grants apply. Every service not listed here.',
    '',
    '| Service | IAM prefix | Precision | Limits |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.service} | \`${r.prefix}\` | ${r.precision} | ${cell(r.limits)} |`),
    '| every other service | its own | action-only | action on `*`; aws:RequestTag / aws:TagKeys where the SAR lists them |',
    '',
    '## Operations that are not exact',
    '',
    '| Service | Operation | Why |',
    '| --- | --- | --- |',
    ...rows.flatMap((r) => Object.entries(r.inexact).map(([op, why]) => `| ${r.service} | ${op} | ${cell(why)} |`)),
    '',
    'Facts the backend answers (the gateway fetches them): DynamoDB table key schema',
    '(dynamodb:LeadingKeys), KMS alias targets, Secrets Manager full ARNs, resource tags',
    '(aws:ResourceTag), S3 object tags (s3:ExistingObjectTag). Without one, the keys it feeds are',
    'absent, and a resource it names leaves the call unresolved (denied).',
    '',
  ];
  return lines.join('\n');
}
