import { condCases, type CondRow, type EvalCase } from './case-types.js';

const IFX = 'Condition operators: ...IfExists — if the key is absent the condition evaluates to true';
const IFX_PRESENT = 'Condition operators: ...IfExists — if the key is present it is evaluated as the operator specifies';
const ALL = 'Set operators: ForAllValues is true if every request value matches at least one policy value';
const ALL_EMPTY = 'Set operators: ForAllValues returns true if the key is missing or resolves to an empty data set';
const ANY = 'Set operators: ForAnyValue is true if at least one request value matches a policy value';
const ANY_EMPTY = 'Set operators: ForAnyValue returns false if the key is missing or resolves to an empty data set';
const ALL_NEG = 'Set operators: ForAllValues with a negated operator requires every request value to match no policy value';
const ANY_NEG = 'Set operators: ForAnyValue with a negated operator requires some request value to match no policy value';
const MULTI = 'Single-valued vs. multivalued context keys: without a set operator, a multivalued key matches if any value matches';
const MULTI_NEG = 'Single-valued vs. multivalued context keys: without a set operator, a negated operator needs no value to match';

const TK = 'aws:TagKeys';

const rows: CondRow[] = [
  [IFX, 'StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', undefined, true],
  [IFX_PRESENT, 'StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', 't3.micro', true],
  [IFX_PRESENT, 'StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', 'm5.large', false],
  [IFX, 'StringNotEqualsIfExists', 'ec2:InstanceType', 't3.micro', undefined, true],
  [IFX_PRESENT, 'StringNotEqualsIfExists', 'ec2:InstanceType', 't3.micro', 't3.micro', false],
  [IFX, 'StringLikeIfExists', 'ec2:InstanceType', 't3.*', undefined, true],
  [IFX_PRESENT, 'StringLikeIfExists', 'ec2:InstanceType', 't3.*', 'm5.large', false],
  [IFX, 'NumericLessThanIfExists', 'aws:MultiFactorAuthAge', '3600', undefined, true],
  [IFX_PRESENT, 'NumericLessThanIfExists', 'aws:MultiFactorAuthAge', '3600', '7200', false],
  [IFX_PRESENT, 'NumericLessThanIfExists', 'aws:MultiFactorAuthAge', '3600', '60', true],
  [IFX, 'DateLessThanIfExists', 'aws:TokenIssueTime', '2024-01-01T00:00:00Z', undefined, true],
  [IFX_PRESENT, 'DateLessThanIfExists', 'aws:TokenIssueTime', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', false],
  [IFX, 'BoolIfExists', 'aws:MultiFactorAuthPresent', 'true', undefined, true],
  [IFX_PRESENT, 'BoolIfExists', 'aws:MultiFactorAuthPresent', 'true', 'false', false],
  [IFX, 'IpAddressIfExists', 'aws:SourceIp', '10.0.0.0/8', undefined, true],
  [IFX_PRESENT, 'NotIpAddressIfExists', 'aws:SourceIp', '10.0.0.0/8', '10.0.0.1', false],
  [IFX, 'ArnLikeIfExists', 'aws:SourceArn', 'arn:aws:sns:*:*:topic', undefined, true],
  [IFX, 'BinaryEqualsIfExists', 'aws:RequestTag/bin', 'QQ==', undefined, true],
  [ALL, 'ForAllValues:StringEquals', TK, ['Owner', 'Env'], ['Owner'], true],
  [ALL, 'ForAllValues:StringEquals', TK, ['Owner', 'Env'], ['Owner', 'Env'], true],
  [ALL, 'ForAllValues:StringEquals', TK, ['Owner', 'Env'], ['Owner', 'Cost'], false],
  [ALL, 'ForAllValues:StringEquals', TK, ['Owner', 'Env'], 'Env', true],
  [ALL_EMPTY, 'ForAllValues:StringEquals', TK, ['Owner'], undefined, true],
  [ALL_EMPTY, 'ForAllValues:StringEquals', TK, ['Owner'], [], true],
  [ALL, 'ForAllValues:StringLike', TK, ['env-*', 'owner'], ['env-a', 'owner'], true],
  [ALL, 'ForAllValues:StringLike', TK, ['env-*'], ['env-a', 'cost'], false],
  [ALL, 'ForAllValues:StringEqualsIgnoreCase', TK, ['owner'], ['OWNER', 'Owner'], true],
  [ALL, 'ForAllValues:ArnLike', 'aws:PrincipalServiceNamesList', ['arn:aws:iam::*:role/*'], ['arn:aws:iam::1:role/a'], true],
  [ALL_NEG, 'ForAllValues:StringNotEquals', TK, ['Secret'], ['Owner', 'Env'], true],
  [ALL_NEG, 'ForAllValues:StringNotEquals', TK, ['Secret'], ['Owner', 'Secret'], false],
  [ALL_EMPTY, 'ForAllValues:StringNotEquals', TK, ['Secret'], undefined, true],
  [ALL_NEG, 'ForAllValues:StringNotLike', TK, ['sec*'], ['owner'], true],
  [ANY, 'ForAnyValue:StringEquals', TK, ['Owner', 'Env'], ['Cost', 'Env'], true],
  [ANY, 'ForAnyValue:StringEquals', TK, ['Owner', 'Env'], ['Cost', 'Team'], false],
  [ANY, 'ForAnyValue:StringEquals', TK, ['Owner'], 'Owner', true],
  [ANY_EMPTY, 'ForAnyValue:StringEquals', TK, ['Owner'], undefined, false],
  [ANY_EMPTY, 'ForAnyValue:StringEquals', TK, ['Owner'], [], false],
  [ANY, 'ForAnyValue:StringLike', TK, ['sec*'], ['owner', 'secret'], true],
  [ANY, 'ForAnyValue:StringLike', TK, ['sec*'], ['owner', 'env'], false],
  [ANY, 'ForAnyValue:NumericLessThan', 'app:Scores', '10', ['50', '5'], true],
  [ANY, 'ForAnyValue:IpAddress', 'app:Addresses', '10.0.0.0/8', ['192.168.1.1', '10.0.0.9'], true],
  [ANY_NEG, 'ForAnyValue:StringNotEquals', TK, ['Owner', 'Env'], ['Owner', 'Cost'], true],
  [ANY_NEG, 'ForAnyValue:StringNotEquals', TK, ['Owner', 'Env'], ['Owner', 'Env'], false],
  [ANY_EMPTY, 'ForAnyValue:StringNotEquals', TK, ['Owner'], undefined, false],
  [IFX, 'ForAnyValue:StringEqualsIfExists', TK, ['Owner'], undefined, true],
  [IFX_PRESENT, 'ForAllValues:StringEqualsIfExists', TK, ['Owner'], ['Env'], false],
  [MULTI, 'StringEquals', TK, 'Owner', ['Env', 'Owner'], true],
  [MULTI, 'StringEquals', TK, 'Owner', ['Env', 'Cost'], false],
  [MULTI, 'StringLike', TK, 'O*', ['Env', 'Owner'], true],
  [MULTI_NEG, 'StringNotEquals', TK, 'Owner', ['Env', 'Cost'], true],
  [MULTI_NEG, 'StringNotEquals', TK, 'Owner', ['Env', 'Owner'], false],
  [MULTI, 'StringEquals', TK, 'Owner', [], false],
];

const AND_KEYS = 'Creating a condition with multiple keys or values: several keys under one operator are evaluated with a logical AND';
const AND_OPS = 'Condition element: several condition operators in one statement are evaluated with a logical AND';
const KEY_CASE = 'Condition element: condition key names are not case-sensitive';
const VALUE_CASE = 'Condition element: condition values are case-sensitive unless the operator says otherwise';
const EMPTY = 'Condition element: an empty Condition block places no restriction on the statement';

function structured(rule: string, name: string, condition: Record<string, unknown>, ctx: EvalCase['ctx'], holds: boolean): EvalCase {
  return {
    rule,
    name,
    identity: [[{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', Condition: condition }]],
    ctx: ctx ?? {},
    want: holds ? 'allowed' : 'implicitDeny',
  };
}

const twoKeys = { StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'us-east-1' } };
const twoOps = { StringEquals: { 'aws:PrincipalTag/team': 'blue' }, Bool: { 'aws:SecureTransport': 'true' } };

const structuredCases: EvalCase[] = [
  structured(AND_KEYS, 'both keys match', twoKeys, { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'us-east-1' }, true),
  structured(AND_KEYS, 'one key mismatches', twoKeys, { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'eu-west-1' }, false),
  structured(AND_KEYS, 'one key missing', twoKeys, { 'aws:PrincipalTag/team': 'blue' }, false),
  structured(AND_OPS, 'both operators hold', twoOps, { 'aws:PrincipalTag/team': 'blue', 'aws:SecureTransport': 'true' }, true),
  structured(AND_OPS, 'second operator fails', twoOps, { 'aws:PrincipalTag/team': 'blue', 'aws:SecureTransport': 'false' }, false),
  structured(AND_OPS, 'first operator fails', twoOps, { 'aws:PrincipalTag/team': 'red', 'aws:SecureTransport': 'true' }, false),
  structured(KEY_CASE, 'policy key upper-cased', { StringEquals: { 'AWS:PRINCIPALTAG/TEAM': 'blue' } }, { 'aws:PrincipalTag/team': 'blue' }, true),
  structured(KEY_CASE, 'context key lower-cased', { StringEquals: { 'aws:PrincipalTag/Team': 'blue' } }, { 'aws:principaltag/team': 'blue' }, true),
  structured(KEY_CASE, 'mixed-case global key', { Bool: { 'aws:securetransport': 'true' } }, { 'aws:SecureTransport': 'true' }, true),
  structured(VALUE_CASE, 'value case differs', { StringEquals: { 'aws:PrincipalTag/team': 'Blue' } }, { 'aws:PrincipalTag/team': 'blue' }, false),
  structured(EMPTY, 'empty Condition', {}, {}, true),
  structured(EMPTY, 'operator with no keys', { StringEquals: {} }, {}, true),
];

export const qualifierCases: EvalCase[] = [...condCases(rows), ...structuredCases];
