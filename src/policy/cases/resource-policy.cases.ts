import { ACCT, ALICE, ALLOW_ALL, OTHER, type EvalCase } from './case-types.js';

const SAME = 'Policy evaluation logic: within one account, a resource-based policy Allow for the principal is enough on its own';
const SAME_ACCOUNT = 'Policy evaluation logic: a resource-based policy naming the account delegates to its identity-based policies';
const CROSS = 'Cross-account policy evaluation logic: both the resource-based policy and the identity-based policy must allow';
const CROSS_NONE = 'Cross-account policy evaluation logic: without a resource-based policy a cross-account request is denied';
const RES_DENY = 'Policy evaluation logic: an explicit deny in a resource-based policy denies the principal it names';
const USER_BOUNDARY = 'Permissions boundaries: a same-account resource policy naming the IAM user is not limited by the boundary';
const ROLE_BOUNDARY = 'Permissions boundaries: a resource policy naming the IAM role ARN is limited by an implicit deny in the boundary';
const SESSION_BOUNDARY = 'Permissions boundaries: a resource policy naming the role session ARN is not limited by the boundary';
const ROLE_SESSION = 'Session policies: a resource policy naming the role ARN is limited by the session policy';
const SESSION_ARN = 'Session policies: a resource policy naming the session ARN is not limited by the session policy';
const P_STAR = 'IAM JSON policy elements: Principal — "*" and {"AWS": "*"} mean all principals';
const P_ACCOUNT = 'IAM JSON policy elements: Principal — an account ID and the account root ARN name the same account principal';
const P_USER = 'IAM JSON policy elements: Principal — an IAM user ARN names exactly that user';
const P_ROLE = 'IAM JSON policy elements: Principal — a role ARN names the role and every session of it';
const P_SESSION = 'IAM JSON policy elements: Principal — an assumed-role session ARN names exactly that session';
const P_SERVICE = 'IAM JSON policy elements: Principal — service principals are named with Service';
const P_FED = 'IAM JSON policy elements: Principal — web identity and SAML providers are named with Federated';
const NOT_P = 'IAM JSON policy elements: NotPrincipal — Deny with NotPrincipal applies unless the user, role/session and account are all listed';
const NOT_P_ALLOW = 'IAM JSON policy elements: NotPrincipal — Allow with NotPrincipal grants everyone except each listed principal';
const NOT_P_BOUNDARY = 'Permissions boundaries: a Deny with NotPrincipal always denies a principal that has a permissions boundary';
const TRUST = 'Roles: the trust policy must allow the principal to assume the role, even within the account';
const TRUST_ACCOUNT = 'Roles: a trust policy that names the account requires an identity-based policy allowing sts:AssumeRole';

const BUCKET = 'arn:aws:s3:::shared';
const ROLE = `arn:aws:iam::${ACCT}:role/app/Builder`;
const SESSION_ARN_ = `arn:aws:sts::${ACCT}:assumed-role/Builder/ci`;
const BOB = `arn:aws:iam::${ACCT}:user/bob`;

function rp(principal: unknown, extra: Record<string, unknown> = {}): EvalCase['resource'] {
  return { doc: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `${BUCKET}/*`, ...extra }] };
}

function s3(rule: string, name: string, c: Partial<EvalCase>): EvalCase {
  return { rule, name, identity: [], want: 'allowed', ...c, req: { action: 's3:GetObject', resource: `${BUCKET}/key`, ...c.req } };
}

const asSession = { principalArn: SESSION_ARN_ };
const allowS3 = [[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]];
const boundaryIam = [[{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]];

export const resourcePolicyCases: EvalCase[] = [
  s3(P_USER, 'user named, no identity policy', { resource: rp({ AWS: ALICE }), want: 'allowed' }),
  s3(P_USER, 'another user named', { resource: rp({ AWS: BOB }), want: 'implicitDeny', deniedBy: 'identity' }),
  s3(P_USER, 'user named in a list', { resource: rp({ AWS: [BOB, ALICE] }), want: 'allowed' }),
  s3(P_STAR, 'Principal "*"', { resource: rp('*'), want: 'allowed' }),
  s3(P_STAR, 'Principal {"AWS": "*"}', { resource: rp({ AWS: '*' }), want: 'allowed' }),
  s3(SAME_ACCOUNT, 'account root named, identity silent', { resource: rp({ AWS: `arn:aws:iam::${ACCT}:root` }), want: 'implicitDeny', deniedBy: 'identity' }),
  s3(SAME_ACCOUNT, 'account root named, identity allows', { resource: rp({ AWS: `arn:aws:iam::${ACCT}:root` }), identity: allowS3, want: 'allowed' }),
  s3(P_ACCOUNT, 'account ID named, identity allows', { resource: rp({ AWS: ACCT }), identity: allowS3, want: 'allowed' }),
  s3(SAME, 'resource policy silent, identity allows', { resource: rp({ AWS: BOB }), identity: allowS3, want: 'allowed' }),
  s3(SAME, 'resource policy for another action', { resource: rp({ AWS: ALICE }), req: { action: 's3:PutObject' }, want: 'implicitDeny', deniedBy: 'identity' }),
  s3(SAME, 'resource policy for another resource', { resource: rp({ AWS: ALICE }), req: { resource: 'arn:aws:s3:::other/key' }, want: 'implicitDeny', deniedBy: 'identity' }),
  s3(SAME, 'resource policy with a failing condition', { resource: rp({ AWS: ALICE }, { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), ctx: { 'aws:SecureTransport': 'false' }, want: 'implicitDeny', deniedBy: 'identity' }),
  s3(RES_DENY, 'resource policy denies the caller', { resource: { doc: [{ Effect: 'Deny', Principal: { AWS: ALICE }, Action: 's3:*', Resource: '*' }] }, identity: allowS3, want: 'explicitDeny', deniedBy: 'resource' }),
  s3(RES_DENY, 'resource policy denies someone else', { resource: { doc: [{ Effect: 'Deny', Principal: { AWS: BOB }, Action: 's3:*', Resource: '*' }] }, identity: allowS3, want: 'allowed' }),
  s3(RES_DENY, 'resource deny beats resource allow', { resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' }] }, want: 'explicitDeny', deniedBy: 'resource' }),
  s3(USER_BOUNDARY, 'user named, boundary silent on s3', { resource: rp({ AWS: ALICE }), boundary: boundaryIam, want: 'allowed', boundaryDecision: 'implicitDeny' }),
  s3(ROLE_BOUNDARY, 'role named, session caller with boundary', { resource: rp({ AWS: ROLE }), boundary: boundaryIam, req: asSession, want: 'implicitDeny', deniedBy: 'boundary', boundaryDecision: 'implicitDeny' }),
  s3(P_ROLE, 'role named, session caller, no identity policy', { resource: rp({ AWS: ROLE }), req: asSession, want: 'allowed' }),
  s3(P_ROLE, 'role ARN without its path still names the role', { resource: rp({ AWS: `arn:aws:iam::${ACCT}:role/Builder` }), req: asSession, want: 'allowed' }),
  s3(P_ROLE, 'another role named', { resource: rp({ AWS: `arn:aws:iam::${ACCT}:role/Other` }), req: asSession, want: 'implicitDeny', deniedBy: 'identity' }),
  s3(SESSION_BOUNDARY, 'session named, boundary silent', { resource: rp({ AWS: SESSION_ARN_ }), boundary: boundaryIam, req: asSession, want: 'allowed', boundaryDecision: 'implicitDeny' }),
  s3(P_SESSION, 'another session of the role', { resource: rp({ AWS: `arn:aws:sts::${ACCT}:assumed-role/Builder/other` }), req: asSession, want: 'implicitDeny', deniedBy: 'identity' }),
  s3(ROLE_SESSION, 'role named, session policy silent', { resource: rp({ AWS: ROLE }), session: boundaryIam, req: asSession, want: 'implicitDeny', deniedBy: 'session' }),
  s3(SESSION_ARN, 'session named, session policy silent', { resource: rp({ AWS: SESSION_ARN_ }), session: boundaryIam, req: asSession, want: 'allowed' }),
  s3(CROSS, 'cross-account, both allow', { sameAccount: false, resource: rp({ AWS: ALICE }), identity: allowS3, want: 'allowed' }),
  s3(CROSS, 'cross-account, only the resource policy allows', { sameAccount: false, resource: rp({ AWS: ALICE }), want: 'implicitDeny', deniedBy: 'identity' }),
  s3(CROSS, 'cross-account, only the identity policy allows', { sameAccount: false, resource: rp({ AWS: BOB }), identity: allowS3, want: 'implicitDeny', deniedBy: 'resource' }),
  s3(CROSS, 'cross-account, account named', { sameAccount: false, resource: rp({ AWS: `arn:aws:iam::${ACCT}:root` }), identity: allowS3, want: 'allowed' }),
  s3(CROSS, 'cross-account, other account named', { sameAccount: false, resource: rp({ AWS: OTHER }), identity: allowS3, want: 'implicitDeny', deniedBy: 'resource' }),
  s3(CROSS, 'cross-account, boundary still applies', { sameAccount: false, resource: rp({ AWS: ALICE }), identity: allowS3, boundary: boundaryIam, want: 'implicitDeny', deniedBy: 'boundary', boundaryDecision: 'implicitDeny' }),
  s3(CROSS_NONE, 'cross-account without a resource policy', { sameAccount: false, identity: allowS3, want: 'implicitDeny', deniedBy: 'resource' }),
  s3(CROSS, 'cross-account root caller, account named', { sameAccount: false, isRoot: true, resource: rp({ AWS: ACCT }), req: { principalArn: `arn:aws:iam::${ACCT}:root` }, want: 'allowed' }),
  s3(CROSS_NONE, 'cross-account root caller without resource policy', { sameAccount: false, isRoot: true, req: { principalArn: `arn:aws:iam::${ACCT}:root` }, want: 'implicitDeny', deniedBy: 'resource' }),
  s3(P_SERVICE, 'service principal', { resource: rp({ Service: 'cloudtrail.amazonaws.com' }), req: { principalArn: 'cloudtrail.amazonaws.com', principalAccount: '' }, want: 'allowed' }),
  s3(P_SERVICE, 'other service principal', { resource: rp({ Service: 'cloudtrail.amazonaws.com' }), req: { principalArn: 'config.amazonaws.com', principalAccount: '' }, want: 'implicitDeny', deniedBy: 'identity' }),
  s3(P_SERVICE, 'service principal does not match IAM users', { resource: rp({ Service: 'cloudtrail.amazonaws.com' }), want: 'implicitDeny', deniedBy: 'identity' }),
  s3(NOT_P, 'Deny NotPrincipal listing user and account spares the user', { resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: [ALICE, `arn:aws:iam::${ACCT}:root`] }, Action: 's3:*', Resource: '*' }] }, want: 'allowed' }),
  s3(NOT_P, 'Deny NotPrincipal listing only the user still denies it', { resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: ALICE }, Action: 's3:*', Resource: '*' }] }, want: 'explicitDeny', deniedBy: 'resource' }),
  s3(NOT_P, 'Deny NotPrincipal denies other users', { resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: [BOB, `arn:aws:iam::${ACCT}:root`] }, Action: 's3:*', Resource: '*' }] }, want: 'explicitDeny', deniedBy: 'resource' }),
  s3(NOT_P, 'Deny NotPrincipal sparing a session needs session, role and account', { resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: [SESSION_ARN_, ROLE, ACCT] }, Action: 's3:*', Resource: '*' }] }, req: asSession, want: 'allowed' }),
  s3(NOT_P, 'Deny NotPrincipal listing session and account only', { resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: [SESSION_ARN_, ACCT] }, Action: 's3:*', Resource: '*' }] }, req: asSession, want: 'explicitDeny', deniedBy: 'resource' }),
  s3(NOT_P_BOUNDARY, 'Deny NotPrincipal with a boundary denies regardless', { resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: [ALICE, `arn:aws:iam::${ACCT}:root`] }, Action: 's3:*', Resource: '*' }] }, boundary: [[ALLOW_ALL]], want: 'explicitDeny', deniedBy: 'resource', boundaryDecision: 'allowed' }),
  ...notPrincipalAllowCases(),
  ...trustCases(),
];

/** Issue 12 of the tracker: an Allow with NotPrincipal granted access to the principal it named. */
function notPrincipalAllowCases(): EvalCase[] {
  const allowAllBut = (listed: unknown): EvalCase['resource'] => ({ doc: [{ Effect: 'Allow', NotPrincipal: { AWS: listed }, Action: 's3:*', Resource: '*' }] });
  const carol = { principalArn: `arn:aws:iam::${OTHER}:user/carol`, principalAccount: OTHER };
  return [
    s3(NOT_P_ALLOW, 'the listed user is not granted', { resource: allowAllBut(ALICE), want: 'implicitDeny', deniedBy: 'identity' }),
    s3(NOT_P_ALLOW, 'the listed user with its account is not granted', { resource: allowAllBut([ALICE, `arn:aws:iam::${ACCT}:root`]), want: 'implicitDeny', deniedBy: 'identity' }),
    s3(NOT_P_ALLOW, 'a listed account excludes its users', { resource: allowAllBut(ACCT), want: 'implicitDeny', deniedBy: 'identity' }),
    s3(NOT_P_ALLOW, 'an unlisted user is granted', { resource: allowAllBut(BOB), want: 'allowed' }),
    s3(NOT_P_ALLOW, 'a listed role excludes its sessions', { resource: allowAllBut(ROLE), req: asSession, want: 'implicitDeny', deniedBy: 'identity' }),
    s3(NOT_P_ALLOW, 'the listed session is not granted', { resource: allowAllBut(SESSION_ARN_), req: asSession, want: 'implicitDeny', deniedBy: 'identity' }),
    s3(NOT_P_ALLOW, 'a session of an unlisted role is granted', { resource: allowAllBut(BOB), req: asSession, want: 'allowed' }),
    s3(NOT_P_ALLOW, 'cross-account: the listed user is not granted', { sameAccount: false, resource: allowAllBut(carol.principalArn), identity: allowS3, req: carol, want: 'implicitDeny', deniedBy: 'resource' }),
    s3(NOT_P_ALLOW, 'cross-account: a listed account excludes its users', { sameAccount: false, resource: allowAllBut(OTHER), identity: allowS3, req: carol, want: 'implicitDeny', deniedBy: 'resource' }),
    s3(NOT_P_ALLOW, 'cross-account: an unlisted user is granted with its identity policy', { sameAccount: false, resource: allowAllBut(BOB), identity: allowS3, req: carol, want: 'allowed' }),
    s3(NOT_P, 'cross-account: Deny NotPrincipal listing user and account spares the user', { sameAccount: false, resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: [carol.principalArn, OTHER] }, Action: 's3:*', Resource: '*' }] }, identity: allowS3, req: carol, want: 'allowed' }),
    s3(NOT_P, 'cross-account: Deny NotPrincipal listing only the user denies it', { sameAccount: false, resource: { doc: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: carol.principalArn }, Action: 's3:*', Resource: '*' }] }, identity: allowS3, req: carol, want: 'explicitDeny', deniedBy: 'resource' }),
  ];
}

function trust(rule: string, name: string, principal: unknown, c: Partial<EvalCase>, action = 'sts:AssumeRole', extra: Record<string, unknown> = {}): EvalCase {
  return {
    rule,
    name,
    identity: [],
    resource: { kind: 'trust', doc: [{ Effect: 'Allow', Principal: principal, Action: action, ...extra }] },
    want: 'allowed',
    ...c,
    req: { action, resource: ROLE, ...c.req },
  };
}

function trustCases(): EvalCase[] {
  const allowAssume = [[{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }]];
  return [
    trust(TRUST, 'trust names the user', { AWS: ALICE }, {}),
    trust(TRUST, 'trust names another user, identity allows', { AWS: BOB }, { identity: allowAssume, want: 'implicitDeny', deniedBy: 'resource' }),
    trust(TRUST_ACCOUNT, 'trust names the account, identity silent', { AWS: `arn:aws:iam::${ACCT}:root` }, { want: 'implicitDeny', deniedBy: 'identity' }),
    trust(TRUST_ACCOUNT, 'trust names the account, identity allows', { AWS: `arn:aws:iam::${ACCT}:root` }, { identity: allowAssume }),
    trust(TRUST_ACCOUNT, 'trust names the account ID, identity allows another role', { AWS: ACCT }, { identity: [[{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCT}:role/Other` }]], want: 'implicitDeny', deniedBy: 'identity' }),
    trust(TRUST, 'cross-account trust and identity allow', { AWS: `arn:aws:iam::${OTHER}:root` }, { sameAccount: false, identity: allowAssume, req: { principalArn: `arn:aws:iam::${OTHER}:user/carol`, principalAccount: OTHER } }),
    trust(TRUST, 'cross-account trust without identity allow', { AWS: `arn:aws:iam::${OTHER}:root` }, { sameAccount: false, req: { principalArn: `arn:aws:iam::${OTHER}:user/carol`, principalAccount: OTHER }, want: 'implicitDeny', deniedBy: 'identity' }),
    trust(P_SERVICE, 'service assumes its role', { Service: 'ec2.amazonaws.com' }, { req: { principalArn: 'ec2.amazonaws.com', principalAccount: '' } }),
    trust(P_SERVICE, 'service principal list', { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] }, { req: { principalArn: 'ec2.amazonaws.com', principalAccount: '' } }),
    trust(P_FED, 'OIDC provider with audience condition', { Federated: `arn:aws:iam::${ACCT}:oidc-provider/token.actions.githubusercontent.com` }, { req: { principalArn: `arn:aws:iam::${ACCT}:oidc-provider/token.actions.githubusercontent.com` }, ctx: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }, 'sts:AssumeRoleWithWebIdentity', { Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }),
    trust(P_FED, 'OIDC provider with wrong audience', { Federated: `arn:aws:iam::${ACCT}:oidc-provider/token.actions.githubusercontent.com` }, { req: { principalArn: `arn:aws:iam::${ACCT}:oidc-provider/token.actions.githubusercontent.com` }, ctx: { 'token.actions.githubusercontent.com:aud': 'other' }, want: 'implicitDeny', deniedBy: 'resource' }, 'sts:AssumeRoleWithWebIdentity', { Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }),
    trust(P_FED, 'named identity provider', { Federated: 'accounts.google.com' }, { req: { principalArn: 'accounts.google.com', principalAccount: '' } }, 'sts:AssumeRoleWithWebIdentity'),
    trust(TRUST, 'trust for another STS action', { AWS: ALICE }, { req: { action: 'sts:TagSession' }, want: 'implicitDeny', deniedBy: 'resource' }),
    trust(P_ROLE, 'role chaining: trust names the calling role', { AWS: ROLE }, { req: { principalArn: SESSION_ARN_ } }),
    trust(TRUST, 'trust with MFA condition, MFA absent', { AWS: ALICE }, { want: 'implicitDeny', deniedBy: 'resource' }, 'sts:AssumeRole', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
  ];
}
