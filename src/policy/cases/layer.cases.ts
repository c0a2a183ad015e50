import { ACCT, ALICE, ALLOW_ALL, type EvalCase } from './case-types.js';

const DENY_WINS = 'Policy evaluation logic: an explicit deny in any policy overrides any allow';
const DEFAULT_DENY = 'Policy evaluation logic: by default all requests are implicitly denied';
const ALLOW = 'Policy evaluation logic: an identity-based policy Allow grants the request within the account';
const ROOT = 'Policy evaluation logic: the AWS account root user has full access to its own account';
const SCP = 'Policy evaluation logic: an SCP must allow the action at every level from the root to the account';
const SCP_DENY = 'Policy evaluation logic: an explicit deny in an SCP denies even the root user of a member account';
const BOUNDARY = 'Permissions boundaries: the effective permissions are the intersection of identity policies and the boundary';
const BOUNDARY_ONLY = 'Permissions boundaries: a boundary alone grants nothing';
const SESSION = 'Session policies: the session\'s permissions are the intersection of identity-based and session policies';
const CONDITION_DENY = 'Policy evaluation logic: a Deny statement whose condition is false does not deny';
const ORDER = 'Policy evaluation logic: AWS evaluates SCPs, resource-based, identity-based, boundary and session policies in that order';
const MATCHED = 'IAM policy simulator: MatchedStatements lists the statements that applied to the request';
const MISSING = 'IAM policy simulator: MissingContextValues lists condition keys the request context lacked';

const SCP_ALLOW_ALL = [{ Effect: 'Allow', Action: '*', Resource: '*' }];
const DENY_GET = { Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' };

export const layerCases: EvalCase[] = [
  { rule: DEFAULT_DENY, name: 'no policies', identity: [], want: 'implicitDeny', deniedBy: 'identity' },
  { rule: DEFAULT_DENY, name: 'policy for another action', identity: [[{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]], want: 'implicitDeny', deniedBy: 'identity' },
  { rule: ALLOW, name: 'allow all', identity: [[ALLOW_ALL]], want: 'allowed' },
  { rule: ALLOW, name: 'allow in the second of two policies', identity: [[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], [ALLOW_ALL]], want: 'allowed' },
  { rule: DENY_WINS, name: 'deny in the same policy', identity: [[ALLOW_ALL, DENY_GET]], want: 'explicitDeny', deniedBy: 'identity' },
  { rule: DENY_WINS, name: 'deny in another policy', identity: [[ALLOW_ALL], [DENY_GET]], want: 'explicitDeny', deniedBy: 'identity' },
  { rule: DENY_WINS, name: 'deny without any allow', identity: [[DENY_GET]], want: 'explicitDeny', deniedBy: 'identity' },
  { rule: DENY_WINS, name: 'deny listed before the allow', identity: [[DENY_GET, ALLOW_ALL]], want: 'explicitDeny', deniedBy: 'identity' },
  {
    rule: CONDITION_DENY,
    name: 'deny outside the office network only',
    identity: [[ALLOW_ALL, { ...DENY_GET, Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }]],
    ctx: { 'aws:SourceIp': '10.2.3.4' },
    want: 'allowed',
  },
  {
    rule: CONDITION_DENY,
    name: 'deny outside the office network applies',
    identity: [[ALLOW_ALL, { ...DENY_GET, Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }]],
    ctx: { 'aws:SourceIp': '192.0.2.1' },
    want: 'explicitDeny',
    deniedBy: 'identity',
  },
  {
    rule: CONDITION_DENY,
    name: 'deny unless MFA, key absent (BoolIfExists)',
    identity: [[ALLOW_ALL, { ...DENY_GET, Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }]],
    want: 'explicitDeny',
    deniedBy: 'identity',
  },
  {
    rule: CONDITION_DENY,
    name: 'deny unless MFA, MFA present',
    identity: [[ALLOW_ALL, { ...DENY_GET, Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }]],
    ctx: { 'aws:MultiFactorAuthPresent': 'true' },
    want: 'allowed',
  },
  { rule: ROOT, name: 'root without policies', identity: [], isRoot: true, req: { principalArn: `arn:aws:iam::${ACCT}:root` }, want: 'allowed' },
  { rule: DENY_WINS, name: 'root with an explicit deny policy', identity: [[DENY_GET]], isRoot: true, req: { principalArn: `arn:aws:iam::${ACCT}:root` }, want: 'explicitDeny', deniedBy: 'identity' },
  { rule: SCP, name: 'root of a member account limited by SCP', identity: [], isRoot: true, scps: [[[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]]], req: { principalArn: `arn:aws:iam::${ACCT}:root` }, want: 'implicitDeny', deniedBy: 'scp' },
  { rule: SCP_DENY, name: 'root with SCP deny', identity: [], isRoot: true, scps: [[SCP_ALLOW_ALL, [DENY_GET]]], req: { principalArn: `arn:aws:iam::${ACCT}:root` }, want: 'explicitDeny', deniedBy: 'scp' },
  { rule: SCP, name: 'SCP allows, identity allows', identity: [[ALLOW_ALL]], scps: [[SCP_ALLOW_ALL]], want: 'allowed' },
  { rule: SCP, name: 'SCP allows, identity silent', identity: [], scps: [[SCP_ALLOW_ALL]], want: 'implicitDeny', deniedBy: 'identity' },
  { rule: SCP, name: 'SCP silent, identity allows', identity: [[ALLOW_ALL]], scps: [[[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]]], want: 'implicitDeny', deniedBy: 'scp' },
  { rule: SCP, name: 'all three levels allow', identity: [[ALLOW_ALL]], scps: [[SCP_ALLOW_ALL], [SCP_ALLOW_ALL], [[{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]]], want: 'allowed' },
  { rule: SCP, name: 'the OU level lacks an allow', identity: [[ALLOW_ALL]], scps: [[SCP_ALLOW_ALL], [[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]], [SCP_ALLOW_ALL]], want: 'implicitDeny', deniedBy: 'scp' },
  { rule: SCP, name: 'one of two SCPs at a level allows', identity: [[ALLOW_ALL]], scps: [[[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }]]], want: 'allowed' },
  { rule: SCP_DENY, name: 'SCP deny beats identity allow', identity: [[ALLOW_ALL]], scps: [[SCP_ALLOW_ALL, [DENY_GET]]], want: 'explicitDeny', deniedBy: 'scp' },
  { rule: SCP, name: 'no organization levels restrict nothing', identity: [[ALLOW_ALL]], scps: [], want: 'allowed' },
  {
    rule: SCP,
    name: 'SCP with a condition',
    identity: [[ALLOW_ALL]],
    scps: [[[{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }]]],
    ctx: { 'aws:RequestedRegion': 'eu-west-1' },
    want: 'implicitDeny',
    deniedBy: 'scp',
  },
  { rule: BOUNDARY, name: 'identity and boundary allow', identity: [[ALLOW_ALL]], boundary: [[{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]], want: 'allowed', boundaryDecision: 'allowed' },
  { rule: BOUNDARY, name: 'boundary does not allow', identity: [[ALLOW_ALL]], boundary: [[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]], want: 'implicitDeny', deniedBy: 'boundary', boundaryDecision: 'implicitDeny' },
  { rule: BOUNDARY_ONLY, name: 'boundary allows, identity silent', identity: [], boundary: [[ALLOW_ALL]], want: 'implicitDeny', deniedBy: 'identity', boundaryDecision: 'allowed' },
  { rule: DENY_WINS, name: 'boundary explicit deny', identity: [[ALLOW_ALL]], boundary: [[ALLOW_ALL, DENY_GET]], want: 'explicitDeny', deniedBy: 'boundary', boundaryDecision: 'explicitDeny' },
  {
    rule: BOUNDARY,
    name: 'boundary limited to resources',
    identity: [[ALLOW_ALL]],
    boundary: [[{ Effect: 'Allow', Action: 'iam:*', Resource: `arn:aws:iam::${ACCT}:user/team/*` }]],
    want: 'implicitDeny',
    deniedBy: 'boundary',
    boundaryDecision: 'implicitDeny',
  },
  { rule: SESSION, name: 'identity and session allow', identity: [[ALLOW_ALL]], session: [[{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }]], want: 'allowed' },
  { rule: SESSION, name: 'session policy does not allow', identity: [[ALLOW_ALL]], session: [[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]], want: 'implicitDeny', deniedBy: 'session' },
  { rule: SESSION, name: 'session policy cannot grant beyond identity', identity: [], session: [[ALLOW_ALL]], want: 'implicitDeny', deniedBy: 'identity' },
  { rule: DENY_WINS, name: 'session policy deny', identity: [[ALLOW_ALL]], session: [[ALLOW_ALL, DENY_GET]], want: 'explicitDeny', deniedBy: 'session' },
  { rule: SESSION, name: 'several session policies, one allows', identity: [[ALLOW_ALL]], session: [[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], [ALLOW_ALL]], want: 'allowed' },
  { rule: BOUNDARY, name: 'boundary checked before session', identity: [[ALLOW_ALL]], boundary: [[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]], session: [[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]], want: 'implicitDeny', deniedBy: 'boundary', boundaryDecision: 'implicitDeny' },
  { rule: ORDER, name: 'SCP deny named before identity deny', identity: [[DENY_GET]], scps: [[SCP_ALLOW_ALL, [DENY_GET]]], want: 'explicitDeny', deniedBy: 'scp' },
  { rule: ORDER, name: 'identity deny named before boundary deny', identity: [[DENY_GET]], boundary: [[DENY_GET]], want: 'explicitDeny', deniedBy: 'identity', boundaryDecision: 'explicitDeny' },
  { rule: ORDER, name: 'SCP implicit deny named before identity', identity: [], scps: [[[{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]]], want: 'implicitDeny', deniedBy: 'scp' },
  {
    rule: MATCHED,
    name: 'matched statements name allow and deny sids',
    identity: [[{ Sid: 'AllowAll', ...ALLOW_ALL }, { Sid: 'Other', Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Sid: 'NoGet', ...DENY_GET }]],
    want: 'explicitDeny',
    deniedBy: 'identity',
    matchedSids: ['AllowAll', 'NoGet'],
  },
  {
    rule: MATCHED,
    name: 'statements whose condition fails are not matched',
    identity: [[{ Sid: 'Cond', ...ALLOW_ALL, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, { Sid: 'Plain', ...ALLOW_ALL }]],
    ctx: { 'aws:SecureTransport': 'false' },
    want: 'allowed',
    matchedSids: ['Plain'],
  },
  {
    rule: MISSING,
    name: 'missing keys are reported once each',
    identity: [[{ ...ALLOW_ALL, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x' } } }, { ...ALLOW_ALL, Condition: { StringLike: { 'aws:principaltag/TEAM': 'x*' }, Bool: { 'aws:SecureTransport': 'true' } } }]],
    want: 'implicitDeny',
    deniedBy: 'identity',
    missing: ['aws:PrincipalTag/team'],
  },
  {
    rule: MISSING,
    name: 'a missing variable key is reported',
    identity: [[{ Effect: 'Allow', Action: '*', Resource: `arn:aws:iam::${ACCT}:user/\${aws:username}` }]],
    req: { resource: ALICE },
    want: 'implicitDeny',
    deniedBy: 'identity',
    missing: ['aws:username'],
  },
  {
    rule: MISSING,
    name: 'IfExists does not report a missing key',
    identity: [[{ ...ALLOW_ALL, Condition: { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } } }]],
    want: 'allowed',
    missing: [],
  },
];
