import { parsePolicyDocument } from '../../policy/index.js';

/**
 * The service namespaces a set of policy documents grants something in, as IAM's access advisor
 * lists them: every `service:…` prefix of an allowed Action. A bare `*` grants every service and
 * is left out (only services actually accessed are then listed).
 */
export function grantedServices(documents: string[]): Set<string> {
  const services = new Set<string>();
  for (const text of documents) {
    const parsed = parsePolicyDocument(text, 'identity');
    if (!parsed.ok) continue;
    for (const statement of parsed.policy.Statement) {
      if (statement.Effect !== 'Allow') continue;
      for (const action of statement.Action ?? []) {
        const colon = action.indexOf(':');
        if (colon > 0) services.add(action.slice(0, colon).toLowerCase());
      }
    }
  }
  return services;
}
