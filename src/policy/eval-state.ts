import { callerIdentities, type CallerIdentities } from './principal.js';
import type { ContextValue, MatchedStatement, RequestContext } from './types.js';

/**
 * Per-request working state, built once per `evaluate`: the lower-cased action, the caller's
 * principal identities, and case-insensitive context lookups. The lower-cased copy of the context
 * is only built when a key is not found under the spelling the policy used, since callers and
 * policies almost always agree on AWS's canonical spelling.
 */
export class EvalState {
  readonly action: string;
  readonly service: string;
  readonly resource: string;
  readonly matched: MatchedStatement[] = [];
  readonly missing: string[] = [];
  private missingLower: Set<string> | undefined;
  private lower: Map<string, ContextValue> | undefined;
  private readonly context: Record<string, ContextValue | undefined>;
  private identities: CallerIdentities | undefined;

  constructor(
    private readonly req: RequestContext,
    private readonly hasBoundary: boolean,
  ) {
    this.action = req.action.toLowerCase();
    const colon = this.action.indexOf(':');
    this.service = colon < 0 ? this.action : this.action.slice(0, colon);
    this.resource = req.resource;
    this.context = req.context ?? {};
  }

  /** Only resource and trust policies look at the caller's identities, so they are read lazily. */
  get ids(): CallerIdentities {
    this.identities ??= callerIdentities(this.req.principalArn, this.req.principalAccount, this.hasBoundary);
    return this.identities;
  }

  get(key: string, keyLower: string): ContextValue | undefined {
    const direct = Object.hasOwn(this.context, key) ? this.context[key] : undefined;
    if (direct !== undefined) return direct;
    if (!this.lower) {
      this.lower = new Map();
      for (const k of Object.keys(this.context)) {
        const v = this.context[k];
        if (v !== undefined) this.lower.set(k.toLowerCase(), v);
      }
    }
    return this.lower.get(keyLower);
  }

  noteMissing(key: string): void {
    const lower = key.toLowerCase();
    this.missingLower ??= new Set();
    if (this.missingLower.has(lower)) return;
    this.missingLower.add(lower);
    this.missing.push(key);
  }
}
