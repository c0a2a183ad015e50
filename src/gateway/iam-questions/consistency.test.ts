import { describe, expect, it } from 'vitest';
import { ALL_CASES, SCOPE, operationOf } from '../../../test/fixtures/gateway/iam-questions.cases.js';
import { readArn } from './arn-template.js';
import { authorizationQuestions } from './index.js';
import { loadSarService, type SarService } from './sar.js';
import { SERVICE_MAPPINGS } from './services/index.js';

/**
 * Everything the mappings say and everything they produce agrees with the Service Authorization
 * Reference: every action exists, every resource type named exists, every ARN asked about fits
 * one of the action's resource types, every condition key is one the SAR lists for the action.
 */

async function sarOf(prefix: string): Promise<SarService> {
  const sar = await loadSarService(prefix);
  if (!sar) throw new Error(`no SAR service ${prefix}`);
  return sar;
}

/** A SAR condition key as a pattern (`${TagKey}`, `<key>`, `tag-key` stand for any text). */
const keyPattern = (k: string) =>
  new RegExp(
    `^${k
      .replace(/[.*+?^()|[\]\\]/g, '\\$&')
      .replace(/\$\{[^}]+\}|<[^>]+>/g, '.+')
      .replace(/\/tag-key$/, '/.+')}$`,
    'i',
  );

describe('the mappings name only what the SAR has', () => {
  for (const mapping of SERVICE_MAPPINGS.values()) {
    it(`${mapping.service}: actions, resource types and condition keys exist in ${mapping.prefix}`, async () => {
      const sar = await sarOf(mapping.prefix);
      for (const [op, o] of Object.entries(mapping.operations))
        for (const spec of o.questions) {
          expect(sar.actions.has(spec.action.toLowerCase()), `${op} → ${mapping.prefix}:${spec.action}`).toBe(true);
          for (const t of spec.resourceTypes ?? [])
            expect(sar.resourceTypes.has(t), `${op}: resource type ${t}`).toBe(true);
        }
      for (const t of [...Object.keys(mapping.excludeWhen ?? {}), ...Object.keys(mapping.arnSuffix ?? {})])
        expect(sar.resourceTypes.has(t), `resource type ${t}`).toBe(true);
      const allKeys = new Set([...sar.actions.values()].flatMap((a) => a.conditionKeys.map((k) => k.toLowerCase())));
      for (const key of Object.keys(mapping.conditionMembers ?? {}))
        expect(allKeys.has(key.toLowerCase()), key).toBe(true);
      // Every variable a binding fills is one some resource type of the service uses (or internal `$…`).
      const variables = new Set([...sar.resourceTypes.values()].flatMap((r) => r.arn.variables));
      const sources = [
        ...mapping.bind,
        ...(mapping.bindByOperation ?? []).flatMap((b) => b.bind),
        ...Object.values(mapping.operations).flatMap((o) => o.questions.flatMap((q) => q.bind ?? [])),
      ];
      for (const s of sources)
        if (s.as && !s.as.startsWith('$') && s.as !== 'Name')
          expect(variables.has(s.as), `${s.member} → \${${s.as}}`).toBe(true);
    });
  }
});

describe('every generated question fits the SAR', () => {
  for (const [service, cases] of Object.entries(ALL_CASES)) {
    it(`${service}: actions exist, ARNs fit the action's resource types, keys are the action's`, async () => {
      for (const c of cases) {
        const r = await authorizationQuestions(operationOf(c), SCOPE, c.facts ?? {});
        const sar = await sarOf(r.iamService);
        for (const q of r.questions) {
          const [prefix, name] = q.action.split(':') as [string, string];
          expect(prefix).toBe(sar.prefix);
          const action = sar.actions.get(name.toLowerCase());
          expect(action, `${c.name}: ${q.action}`).toBeDefined();
          if (q.resource !== '*') {
            // An action without resource types may still be asked on a documented ARN (DescribeLogGroups).
            const types = action!.resourceTypes.length
              ? action!.resourceTypes.map((t) => t.type)
              : [...sar.resourceTypes.keys()];
            const fits = types.some((t) => readArn(sar.resourceTypes.get(t)!.arn, q.resource));
            expect(fits, `${c.name}: ${q.resource} fits none of ${q.action}'s ${types.join(', ')}`).toBe(true);
          }
          const listed = [
            ...action!.conditionKeys,
            ...action!.resourceTypes.flatMap((t) => sar.resourceTypes.get(t.type)?.conditionKeys ?? []),
          ];
          for (const key of Object.keys(q.context))
            expect(
              listed.some((l) => keyPattern(l).test(key)),
              `${c.name}: ${key} not listed for ${q.action}`,
            ).toBe(true);
        }
      }
    });
  }
});
