import { AwsError } from '../shared/aws-error.js';
import type { Principal } from '../shared/principal.js';
import type { SecretBox } from '../shared/secret-box.js';

/** The associated data that binds an encoded message to its purpose. */
const CONTEXT = 'sts:authorization-message';

/** A denial's details, in the layout AWS's DecodeAuthorizationMessage returns ("DecodedMessage"). */
export interface AuthorizationDetails {
  principal: Principal;
  action: string;
  resource: string;
  allowed: boolean;
  explicitDeny: boolean;
  matchedStatements?: Array<{ policyId: string; sid?: string; effect: string }>;
  conditions?: Record<string, string | string[]>;
}

/**
 * Encodes an authorization failure as AWS does for services that return an EncodedMessage
 * (EC2 and others; IAM and STS never do): sealed with the master key, so only Ward can read it,
 * through sts:DecodeAuthorizationMessage.
 */
export function encodeAuthorizationMessage(box: SecretBox, d: AuthorizationDetails): string {
  const decoded = {
    allowed: d.allowed,
    explicitDeny: d.explicitDeny,
    matchedStatements: {
      items: (d.matchedStatements ?? []).map((m) => ({
        statementId: m.sid ?? '',
        effect: m.effect,
        policyId: m.policyId,
      })),
    },
    failures: { items: [] },
    context: {
      principal: {
        id: d.principal.userId,
        ...(d.principal.kind === 'user' ? { name: d.principal.userName } : {}),
        arn: d.principal.arn,
      },
      action: d.action,
      resource: d.resource,
      conditions: {
        items: Object.entries(d.conditions ?? {}).map(([key, v]) => ({
          key,
          values: { items: (Array.isArray(v) ? v : [v]).map((value) => ({ value })) },
        })),
      },
    },
  };
  return Buffer.from(box.seal(JSON.stringify(decoded), CONTEXT), 'utf8').toString('base64url');
}

export function decodeAuthorizationMessage(box: SecretBox, encoded: string): string {
  try {
    return box.open(Buffer.from(encoded, 'base64url').toString('utf8'), CONTEXT);
  } catch {
    throw new AwsError('InvalidAuthorizationMessageException', 'The encoded message is invalid.', 400);
  }
}
