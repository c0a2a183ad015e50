import { compilePolicy } from './compile.js';
import { parsePolicyDocument } from './parse.js';
import type { PolicySet, RequestContext } from './types.js';

const ACCOUNT = '123456789012';
const SERVICES = ['cloudwatch', 'ec2', 'dynamodb', 'lambda', 'kms', 'sqs', 'sns', 'logs'];

/** Ten statements, every one with conditions: two on IAM, eight on other services. */
function policyText(n: number): string {
  const statements: unknown[] = [
    {
      Sid: `AllowIamUsers${n}`,
      Effect: 'Allow',
      Action: ['iam:CreateUser', 'iam:Get*', 'iam:List*', 'iam:TagUser'],
      Resource: [`arn:aws:iam::${ACCOUNT}:user/team${n}/*`, `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`],
      Condition: {
        StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'], 'aws:PrincipalTag/team': `team${n}` },
        Bool: { 'aws:SecureTransport': 'true' },
        IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] },
      },
    },
    {
      Sid: `DenyIamOutsideHours${n}`,
      Effect: 'Deny',
      Action: 'iam:*',
      Resource: '*',
      Condition: {
        DateGreaterThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' },
        'ForAnyValue:StringLike': { 'aws:TagKeys': ['secret*', 'internal-?'] },
      },
    },
  ];
  SERVICES.forEach((svc, i) => {
    statements.push({
      Sid: `Svc${n}x${i}`,
      Effect: i % 3 === 0 ? 'Deny' : 'Allow',
      Action: [`${svc}:Get*`, `${svc}:Describe*`, `${svc}:Put${i}`],
      Resource: `arn:aws:${svc}:*:${ACCOUNT}:thing/${n}/*`,
      Condition: {
        StringLike: { 'aws:PrincipalTag/project': `p${i}-*` },
        NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
      },
    });
  });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/**
 * The benchmark scenario: a principal with 10 policies × 10 statements, each with conditions,
 * asking for `iam:CreateUser`. Every policy holds statements the request reaches all the way to
 * their conditions, so the measurement covers matching, conditions and variables.
 */
export function makeBenchFixture(): { req: RequestContext; set: PolicySet } {
  const identity = Array.from({ length: 10 }, (_, n) => {
    const parsed = parsePolicyDocument(policyText(n), 'identity');
    if (!parsed.ok) throw new Error(`bench fixture policy ${n} is invalid: ${parsed.reason}`);
    return compilePolicy(parsed.policy, { id: `arn:aws:iam::${ACCOUNT}:policy/bench-${n}`, kind: 'identity' });
  });
  const req: RequestContext = {
    action: 'iam:CreateUser',
    resource: `arn:aws:iam::${ACCOUNT}:user/team7/carol`,
    principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    principalAccount: ACCOUNT,
    context: {
      'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/alice`,
      'aws:PrincipalAccount': ACCOUNT,
      'aws:PrincipalType': 'User',
      'aws:userid': 'AIDAEXAMPLEALICE',
      'aws:username': 'alice',
      'aws:SourceIp': '10.1.2.3',
      'aws:CurrentTime': '2026-05-01T12:00:00Z',
      'aws:EpochTime': '1777636800',
      'aws:SecureTransport': 'true',
      'aws:RequestedRegion': 'us-east-1',
      'aws:PrincipalTag/team': 'team7',
      'aws:TagKeys': ['Owner', 'CostCenter'],
      'aws:ViaAWSService': 'false',
    },
  };
  return { req, set: { identity, sameAccount: true } };
}
