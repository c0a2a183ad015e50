import { accountIdFromAccessKeyId } from '../shared/ids.js';
import type { Principal } from '../shared/principal.js';
import type { AuditedCall } from './entries.js';

/** A record's userIdentity, with the account and user name its lookup columns take from it. */
export interface Identity {
  record: Record<string, unknown>;
  accountId?: string;
  username?: string;
}

export function identityOf(principal: Principal, accessKeyId: string | undefined): Identity {
  const key = accessKeyId ? { accessKeyId } : {};
  const session = principal.session;
  const attributes = session
    ? { attributes: { creationDate: session.issuedAt.toISOString(), mfaAuthenticated: String(session.mfaPresent) } }
    : undefined;
  switch (principal.kind) {
    case 'root':
      return {
        record: {
          type: 'Root',
          principalId: principal.accountId,
          arn: principal.arn,
          accountId: principal.accountId,
          ...key,
          ...(attributes ? { sessionContext: attributes } : {}),
        },
        accountId: principal.accountId,
        username: 'root',
      };
    case 'user':
      return {
        record: {
          type: 'IAMUser',
          principalId: principal.userId,
          arn: principal.arn,
          accountId: principal.accountId,
          ...key,
          userName: principal.userName,
          ...(attributes ? { sessionContext: attributes } : {}),
        },
        accountId: principal.accountId,
        username: principal.userName,
      };
    case 'assumed-role':
      return {
        record: {
          type: 'AssumedRole',
          principalId: principal.userId,
          arn: principal.arn,
          accountId: principal.accountId,
          ...key,
          sessionContext: {
            sessionIssuer: {
              type: 'Role',
              principalId: principal.roleId,
              arn: principal.roleArn,
              accountId: principal.accountId,
              userName: principal.roleName,
            },
            ...attributes,
          },
        },
        accountId: principal.accountId,
        username: principal.sessionName,
      };
    case 'federated-user':
      return {
        record: {
          type: 'FederatedUser',
          principalId: principal.userId,
          arn: principal.arn,
          accountId: principal.accountId,
          ...key,
          sessionContext: { ...attributes },
        },
        accountId: principal.accountId,
        username: principal.federatedName,
      };
  }
}

export function unknownIdentity(call: AuditedCall, defaultAccountId: string): Identity {
  const keyId = call.accessKeyId;
  const accountId = (keyId && accountIdFromAccessKeyId(keyId)) ?? defaultAccountId;
  return {
    record: { type: 'AWSAccount', principalId: '', accountId, ...(keyId ? { accessKeyId: keyId } : {}) },
    accountId,
  };
}
