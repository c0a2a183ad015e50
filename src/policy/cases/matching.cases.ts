import { ACCT, type EvalCase } from './case-types.js';

const ACTION = 'IAM JSON policy elements: Action — actions are matched case-insensitively';
const ACTION_WILD = 'IAM JSON policy elements: Action — * matches any characters and ? one character';
const ACTION_LIST = 'IAM JSON policy elements: Action — a list of actions matches if any entry matches';
const NOT_ACTION = 'IAM JSON policy elements: NotAction — the statement applies to every action except those listed';
const RESOURCE = 'IAM JSON policy elements: Resource — ARNs are matched case-sensitively';
const RES_WILD = 'IAM JSON policy elements: Resource — wildcards (* and ?) can be used within any ARN segment but cannot span segments';
const RES_LAST = 'IAM JSON policy elements: Resource — in the resource segment * also matches / and : characters';
const RES_STAR = 'IAM JSON policy elements: Resource — "*" matches every resource';
const NOT_RESOURCE = 'IAM JSON policy elements: NotResource — the statement applies to every resource except those listed';
const ARN_SHORT = 'IAM JSON policy elements: Resource — missing trailing ARN segments are read as *';

function act(rule: string, name: string, action: unknown, requested: string, applies: boolean, not = false): EvalCase {
  return {
    rule,
    name,
    identity: [[{ Effect: 'Allow', [not ? 'NotAction' : 'Action']: action, Resource: '*' }]],
    req: { action: requested },
    want: applies ? 'allowed' : 'implicitDeny',
  };
}

function res(rule: string, name: string, resource: unknown, requested: string, applies: boolean, not = false): EvalCase {
  return {
    rule,
    name,
    identity: [[{ Effect: 'Allow', Action: '*', [not ? 'NotResource' : 'Resource']: resource }]],
    req: { resource: requested },
    want: applies ? 'allowed' : 'implicitDeny',
  };
}

const U = `arn:aws:iam::${ACCT}:user/`;

export const matchingCases: EvalCase[] = [
  act(ACTION, 'exact action', 'iam:GetUser', 'iam:GetUser', true),
  act(ACTION, 'action in another case', 'IAM:getuser', 'iam:GetUser', true),
  act(ACTION, 'request in another case', 'iam:GetUser', 'IAM:GETUSER', true),
  act(ACTION, 'different action', 'iam:GetUser', 'iam:ListUsers', false),
  act(ACTION, 'different service, same action name', 's3:GetUser', 'iam:GetUser', false),
  act(ACTION, 'a prefix of the action is not a match', 'iam:Get', 'iam:GetUser', false),
  act(ACTION_WILD, 'trailing wildcard', 'iam:Get*', 'iam:GetUser', true),
  act(ACTION_WILD, 'trailing wildcard, other verb', 'iam:Get*', 'iam:ListUsers', false),
  act(ACTION_WILD, 'leading wildcard', 'iam:*User', 'iam:CreateUser', true),
  act(ACTION_WILD, 'inner wildcard', 'iam:*Access*', 'iam:CreateAccessKey', true),
  act(ACTION_WILD, 'single-character wildcard', 'iam:GetUse?', 'iam:GetUser', true),
  act(ACTION_WILD, 'single-character wildcard needs one character', 'iam:GetUser?', 'iam:GetUser', false),
  act(ACTION_WILD, 'service wildcard', '*:GetUser', 'iam:GetUser', true),
  act(ACTION_WILD, 'service wildcard, other action', '*:GetUser', 'iam:GetRole', false),
  act(ACTION_WILD, 'whole-service wildcard', 'iam:*', 'iam:DeleteAccountPasswordPolicy', true),
  act(ACTION_WILD, 'all actions', '*', 'sts:GetCallerIdentity', true),
  act(ACTION_WILD, 'service and action wildcards', '*:Get*', 'iam:GetUser', true),
  act(ACTION_WILD, 'wildcard case-insensitive', 'IAM:get*', 'iam:GetUser', true),
  act(ACTION_LIST, 'second entry matches', ['s3:GetObject', 'iam:GetUser'], 'iam:GetUser', true),
  act(ACTION_LIST, 'no entry matches', ['s3:GetObject', 'iam:ListUsers'], 'iam:GetUser', false),
  act(ACTION_LIST, 'mixed services with wildcard', ['s3:*', 'iam:Get*'], 'iam:GetRole', true),
  act(NOT_ACTION, 'excluded action', 'iam:GetUser', 'iam:GetUser', false, true),
  act(NOT_ACTION, 'other action of the same service', 'iam:GetUser', 'iam:ListUsers', true, true),
  act(NOT_ACTION, 'other service', 'iam:*', 's3:GetObject', true, true),
  act(NOT_ACTION, 'excluded by wildcard', 'iam:*', 'iam:GetUser', false, true),
  act(NOT_ACTION, 'excluded case-insensitively', 'IAM:GETUSER', 'iam:GetUser', false, true),
  act(NOT_ACTION, 'list of exclusions', ['iam:*', 'sts:*'], 'sts:GetCallerIdentity', false, true),
  {
    rule: NOT_ACTION,
    name: 'Deny with NotAction denies everything not listed',
    identity: [[{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }]],
    req: { action: 's3:GetObject' },
    want: 'explicitDeny',
    deniedBy: 'identity',
  },
  {
    rule: NOT_ACTION,
    name: 'Deny with NotAction spares what is listed',
    identity: [[{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }]],
    req: { action: 'iam:GetUser' },
    want: 'allowed',
  },
  res(RES_STAR, 'star', '*', `${U}alice`, true),
  res(RES_STAR, 'star matches a non-ARN resource', '*', '*', true),
  res(RESOURCE, 'exact ARN', `${U}alice`, `${U}alice`, true),
  res(RESOURCE, 'ARN in another case', `${U}Alice`, `${U}alice`, false),
  res(RESOURCE, 'other user', `${U}alice`, `${U}bob`, false),
  res(RESOURCE, 'an ARN does not match the * of a non-resource action', `${U}alice`, '*', false),
  res(RES_LAST, 'wildcard spans path separators', `${U}*`, `${U}division/team/alice`, true),
  res(RES_LAST, 'wildcard spans colons in the resource segment', 'arn:aws:lambda:us-east-1:123456789012:function:*', 'arn:aws:lambda:us-east-1:123456789012:function:f:prod', true),
  res(RES_WILD, 'path wildcard', `${U}division/*`, `${U}division/alice`, true),
  res(RES_WILD, 'path wildcard, other path', `${U}division/*`, `${U}other/alice`, false),
  res(RES_WILD, 'account wildcard', 'arn:aws:iam::*:user/alice', `${U}alice`, true),
  res(RES_WILD, 'region wildcard', 'arn:aws:ec2:*:123456789012:instance/i-1', 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1', true),
  res(RES_WILD, 'region wildcard does not span into the account', 'arn:aws:ec2:*:instance/i-1', 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1', false),
  res(RES_WILD, 'partial region wildcard', 'arn:aws:ec2:us-*:123456789012:instance/*', 'arn:aws:ec2:us-west-2:123456789012:instance/i-9', true),
  res(RES_WILD, 'partial region wildcard, other region', 'arn:aws:ec2:us-*:123456789012:instance/*', 'arn:aws:ec2:eu-west-1:123456789012:instance/i-9', false),
  res(RES_WILD, 'question mark in the account', 'arn:aws:iam::11112222333?:user/alice', `${U}alice`, true),
  res(RES_WILD, 'question mark is exactly one character', `${U}alic?`, `${U}alice`, true),
  res(RES_WILD, 'question mark does not match nothing', `${U}alice?`, `${U}alice`, false),
  res(RES_WILD, 'service wildcard', 'arn:aws:*:*:*:*', `${U}alice`, true),
  res(RES_WILD, 'partition wildcard', `arn:*:iam::${ACCT}:user/alice`, `${U}alice`, true),
  res(RES_WILD, 'S3 object wildcard', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c.txt', true),
  res(RES_WILD, 'S3 bucket ARN is not an object', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket', false),
  res(ARN_SHORT, 'short ARN pads with *', 'arn:aws:ec2', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', true),
  res(ARN_SHORT, 'short ARN for another service', 'arn:aws:ec2', 'arn:aws:s3:::bucket', false),
  res(RESOURCE, 'list of resources, one matches', ['arn:aws:s3:::b', `${U}alice`], `${U}alice`, true),
  res(NOT_RESOURCE, 'excluded resource', `${U}alice`, `${U}alice`, false, true),
  res(NOT_RESOURCE, 'other resource', `${U}alice`, `${U}bob`, true, true),
  res(NOT_RESOURCE, 'excluded by wildcard', `${U}*`, `${U}bob`, false, true),
  res(NOT_RESOURCE, 'non-ARN resource is not excluded', `${U}*`, '*', true, true),
  {
    rule: NOT_RESOURCE,
    name: 'Deny with NotResource protects only the listed resources',
    identity: [[ { Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', NotResource: `${U}alice` } ]],
    req: { resource: `${U}bob` },
    want: 'explicitDeny',
    deniedBy: 'identity',
  },
];
