import type { PolicySource } from '../auth/policy-authorizer.js';
import { iamArn } from '../shared/arn.js';
import type { EmulatorRelaxations } from '../shared/emulator-relaxations.js';

/** moto's default caller: its user name and the user ID its GetCallerIdentity reports (never an ID Ward issues: AKIA, not AIDA). */
const DEFAULT_CALLER_NAME = 'moto';
const DEFAULT_CALLER_ID = 'AKIAIOSFODNN7EXAMPLE';

/** Any name that keeps an ARN's structure: no `/`, no `:`, no control character. */
const LENIENT_NAME = '[^/:\\u0000-\\u001F\\u007F]+';
/** `/`, or anything without control characters between a leading and a trailing `/`. */
const LENIENT_PATH = '(/)|(/[^\\u0000-\\u001F\\u007F]+/)';
/** The IAM model's name and path shapes (AWS: `[\w+=,.@-]+`, and printable ASCII in paths). */
const LENIENT_IAM_PATTERNS = {
  userNameType: LENIENT_NAME,
  existingUserNameType: LENIENT_NAME,
  roleNameType: LENIENT_NAME,
  groupNameType: LENIENT_NAME,
  instanceProfileNameType: LENIENT_NAME,
  policyNameType: LENIENT_NAME,
  pathType: LENIENT_PATH,
};

/** The relaxations of `--emulator`, for the default account. */
export function emulatorRelaxations(accountId: string): EmulatorRelaxations {
  return {
    defaultCaller: {
      kind: 'user',
      accountId,
      arn: iamArn(accountId, 'user', '/', DEFAULT_CALLER_NAME),
      userId: DEFAULT_CALLER_ID,
      userName: DEFAULT_CALLER_NAME,
      path: '/',
    },
    verbatimTrustPolicies: true,
    httpOidcIssuers: true,
    unparseableCredentials: true,
    regenerateCredentialReport: true,
    syncLastUsed: true,
    creationOrder: true,
    patterns: { iam: LENIENT_IAM_PATTERNS },
    organizations: {
      instantAccounts: true,
      duplicateEmails: true,
      attachDisabledTypes: true,
      anyUpdateContent: true,
    },
    noAuthRemaining: Infinity,
    noAuthCount: Infinity,
  };
}

/** Full rights, as moto grants its default caller: the document of AWS's AdministratorAccess. */
const FULL_RIGHTS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

/** A policy source that gives the default caller full rights (it has no stored user to read them from). */
export function withDefaultCallerRights(source: PolicySource, relaxations: EmulatorRelaxations): PolicySource {
  const id = relaxations.defaultCaller.userId;
  return {
    ...source,
    effectiveForUser: (userId) =>
      userId === id
        ? Promise.resolve({ identity: [{ id: 'emulator-default-caller', document: FULL_RIGHTS }] })
        : source.effectiveForUser(userId),
    userTags: (userId) => (userId === id ? Promise.resolve([]) : source.userTags(userId)),
  };
}

/** A clock that never answers the same or an earlier millisecond twice. */
export function strictlyIncreasing(clock: () => Date): () => Date {
  let last = 0;
  return () => {
    last = Math.max(clock().getTime(), last + 1);
    return new Date(last);
  };
}
