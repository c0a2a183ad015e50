import type { EventFilter } from '../audit/event-store.js';
import { PolicyGenerator } from '../audit/policy-generation/generate.js';
import { targetPrincipal } from '../audit/policy-generation/principal.js';
import type { WardConfig } from '../config/config.js';
import { loadMasterKey } from '../config/master-key.js';
import { policySizeForQuota } from '../policy/size.js';
import { SecretBox } from '../shared/secret-box.js';
import { openStore } from '../store/open-store.js';
import { parseSince } from './events-command.js';

export interface PolicyGenerateOptions {
  principal: string;
  since?: string;
  until?: string;
  includeDenied?: boolean;
  write?: (text: string) => void;
  warn?: (text: string) => void;
}

/** A managed policy's quota (IAM "PolicySize"): a larger generated policy must be split to be attached. */
const MANAGED_POLICY_SIZE = 6144;

/**
 * `ward policy generate`: the identity policy a user or role needed over a period, from the audit
 * trail (audit/policy-generation/), printed as JSON. Exit 0 with a policy, 1 when the principal
 * used nothing in the period, 2 for bad arguments.
 */
export async function policyGenerateCommand(config: WardConfig, options: PolicyGenerateOptions): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const warn = options.warn ?? ((text: string) => process.stderr.write(text));
  const target = targetPrincipal(options.principal);
  if (!target) {
    warn(
      `--principal: expected the ARN of an IAM user or role (arn:aws:iam::123456789012:user/name or …:role/name), got ${options.principal}\n`,
    );
    return 2;
  }
  const now = new Date();
  const bounds: { since?: Date; until?: Date } = {};
  for (const key of ['since', 'until'] as const) {
    const text = options[key];
    if (text === undefined) continue;
    const at = parseSince(text, now);
    if (!at) {
      warn(`--${key}: expected a duration ago (30s, 15m, 1h, 7d) or an ISO date, got ${text}\n`);
      return 2;
    }
    bounds[key] = at;
  }
  if (bounds.since && bounds.until && bounds.since > bounds.until) {
    warn('--since must be before --until\n');
    return 2;
  }
  const opened = await openStore(config, new SecretBox(loadMasterKey(config.dataDir)));
  try {
    const generator = new PolicyGenerator(target, { includeDenied: options.includeDenied ?? false });
    // A user's records carry its name as Username; a role's sessions carry their session names, so a role reads the account's.
    const filter: EventFilter = {
      accountId: target.accountId,
      ...(target.kind === 'user' ? { attribute: { key: 'Username', value: target.name } } : {}),
      ...(bounds.since ? { startTime: bounds.since } : {}),
      ...(bounds.until ? { endTime: bounds.until } : {}),
    };
    let cursor: string | undefined;
    do {
      const page = await opened.store.events.lookup(filter, {
        limit: 500,
        ...(cursor !== undefined ? { cursor } : {}),
      });
      for (const e of page.events) generator.add(e.record);
      cursor = page.next;
    } while (cursor !== undefined);
    const policy = generator.policy();
    const period = `${bounds.since ? `since ${bounds.since.toISOString()}` : 'in the whole trail'}${bounds.until ? ` until ${bounds.until.toISOString()}` : ''}`;
    if (!policy) {
      warn(`${target.arn} used no action that needs a permission ${period}: no policy to generate.\n`);
      return 1;
    }
    const text = JSON.stringify(policy, null, 2);
    const size = policySizeForQuota(text);
    if (size > MANAGED_POLICY_SIZE)
      warn(
        `The policy is ${size} characters (without whitespace); a managed policy holds ${MANAGED_POLICY_SIZE}: split its statements over several policies.\n`,
      );
    write(`${text}\n`);
    return 0;
  } finally {
    await opened.close();
  }
}
