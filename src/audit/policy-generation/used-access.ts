import { type TargetPrincipal, isTargetIdentity } from './principal.js';

/** One action on one resource the principal was authorized for (or, opted in, refused). */
export interface UsedAccess {
  action: string;
  resource: string;
}

export interface UsageOptions {
  /** Count refused decisions too: a policy for what the principal tried, not only what it did. */
  includeDenied?: boolean;
}

/** `vendor:Action`, concrete: no wildcard may come out of a record. */
const ACTION = /^[A-Za-z0-9.-]+:[A-Za-z0-9_-]+$/;

interface Authorization {
  Action?: unknown;
  Resource?: unknown;
  Decision?: unknown;
}

/**
 * The accesses one CloudTrail record shows the target using: each authorization decision the call
 * carries (`additionalEventData.Authorizations`), whichever door it came by (an API call, the
 * console, `POST /authorize`, the gateway). A decision counts when it allowed the access; in the
 * gateway's soft mode (`GatewayMode: "soft"`) the call went through whatever the decision, so it
 * counts as used; a refusal counts only with `includeDenied`. Records of anyone else, and calls
 * that asked for no authorization (sts:GetCallerIdentity), give nothing.
 */
export function usedAccesses(record: unknown, target: TargetPrincipal, options: UsageOptions = {}): UsedAccess[] {
  if (!record || typeof record !== 'object') return [];
  const r = record as { userIdentity?: unknown; additionalEventData?: unknown };
  if (!isTargetIdentity(r.userIdentity, target)) return [];
  const data = r.additionalEventData as { Authorizations?: unknown; GatewayMode?: unknown } | undefined;
  if (!data || !Array.isArray(data.Authorizations)) return [];
  const soft = data.GatewayMode === 'soft';
  const out: UsedAccess[] = [];
  for (const a of data.Authorizations as Authorization[]) {
    if (!a || typeof a.Action !== 'string' || typeof a.Resource !== 'string') continue;
    // A record is data, not a policy: only a concrete, well-formed action may become one.
    if (!ACTION.test(a.Action) || a.Resource === '') continue;
    if (a.Decision === 'Allowed' || soft || options.includeDenied) out.push({ action: a.Action, resource: a.Resource });
  }
  return out;
}
