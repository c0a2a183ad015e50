import { ACCT, type EvalCase } from './case-types.js';

const COND_VAR = 'Policy variables: variables in condition values are replaced with the request context value';
const NO_VALUE = 'Policy variables with no value: a variable whose key is absent does not match (the condition is false)';
const DEFAULT = 'Policy variables: specifying default values — ${key, \'default\'} is used when the key is absent';
const SPECIAL = 'Policy variables: ${*}, ${?} and ${$} stand for literal *, ? and $ characters';
const MULTI = 'Single-valued vs. multivalued context keys: a multivalued key cannot be used as a policy variable';
const V2008 = 'IAM JSON policy elements: Version — 2008-10-17 does not support policy variables, ${...} is literal text';
const NON_STRING = 'Policy variables: variables are substituted only with string and ARN condition operators';
const RES_VAR = 'Policy variables: variables in the Resource element are replaced with request context values';
const RES_NO_VALUE = 'Policy variables with no value: a Resource with an unresolvable variable matches nothing';
const KEY_CASE = 'Policy variables: the variable key name is not case-sensitive';

const user = (name: string | undefined): Record<string, string> => (name === undefined ? {} : { 'aws:username': name });

function condVar(rule: string, name: string, op: string, values: unknown, ctx: Record<string, unknown>, holds: boolean, version = '2012-10-17'): EvalCase {
  return {
    rule,
    name,
    identity: [{ Version: version, Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', Condition: { [op]: { 'app:Owner': values } } }] }],
    ctx: ctx as EvalCase['ctx'],
    want: holds ? 'allowed' : 'implicitDeny',
  };
}

const conditionCases: EvalCase[] = [
  condVar(COND_VAR, 'username equals owner', 'StringEquals', '${aws:username}', { ...user('alice'), 'app:Owner': 'alice' }, true),
  condVar(COND_VAR, 'username differs from owner', 'StringEquals', '${aws:username}', { ...user('bob'), 'app:Owner': 'alice' }, false),
  condVar(COND_VAR, 'variable inside a longer value', 'StringEquals', 'team-${aws:PrincipalTag/team}', { 'aws:PrincipalTag/team': 'blue', 'app:Owner': 'team-blue' }, true),
  condVar(COND_VAR, 'StringLike with a variable and a wildcard', 'StringLike', 'home/${aws:username}/*', { ...user('alice'), 'app:Owner': 'home/alice/docs' }, true),
  condVar(COND_VAR, 'StringLike variable for another user', 'StringLike', 'home/${aws:username}/*', { ...user('alice'), 'app:Owner': 'home/bob/docs' }, false),
  condVar(COND_VAR, 'two variables', 'StringEquals', '${aws:username}@${aws:PrincipalAccount}', { ...user('alice'), 'aws:PrincipalAccount': ACCT, 'app:Owner': `alice@${ACCT}` }, true),
  condVar(COND_VAR, 'ArnLike with a variable', 'ArnLike', 'arn:aws:iam::*:user/${aws:username}', { ...user('alice'), 'app:Owner': `arn:aws:iam::${ACCT}:user/alice` }, true),
  condVar(COND_VAR, 'StringNotEquals with a variable', 'StringNotEquals', '${aws:username}', { ...user('alice'), 'app:Owner': 'bob' }, true),
  condVar(COND_VAR, 'a substituted * is not a wildcard', 'StringLike', '${aws:PrincipalTag/pattern}', { 'aws:PrincipalTag/pattern': 'a*', 'app:Owner': 'abc' }, false),
  condVar(COND_VAR, 'a substituted * matches itself', 'StringLike', '${aws:PrincipalTag/pattern}', { 'aws:PrincipalTag/pattern': 'a*', 'app:Owner': 'a*' }, true),
  condVar(NO_VALUE, 'username absent', 'StringEquals', '${aws:username}', { 'app:Owner': 'alice' }, false),
  condVar(NO_VALUE, 'username absent, negated operator', 'StringNotEquals', '${aws:username}', { 'app:Owner': 'alice' }, false),
  condVar(NO_VALUE, 'one of two values unresolvable', 'StringEquals', ['${aws:username}', 'alice'], { 'app:Owner': 'alice' }, true),
  condVar(DEFAULT, 'default used when absent', 'StringEquals', "${aws:username, 'nobody'}", { 'app:Owner': 'nobody' }, true),
  condVar(DEFAULT, 'value wins over default', 'StringEquals', "${aws:username, 'nobody'}", { ...user('alice'), 'app:Owner': 'alice' }, true),
  condVar(DEFAULT, 'default with an escaped quote', 'StringEquals', "${aws:username, 'o''neil'}", { 'app:Owner': "o'neil" }, true),
  condVar(DEFAULT, 'default containing a brace', 'StringEquals', "${aws:username, 'a}b'}", { 'app:Owner': 'a}b' }, true),
  condVar(SPECIAL, '${*} is a literal star', 'StringLike', 'a${*}', { 'app:Owner': 'a*' }, true),
  condVar(SPECIAL, '${*} does not match other text', 'StringLike', 'a${*}', { 'app:Owner': 'ab' }, false),
  condVar(SPECIAL, '${?} is a literal question mark', 'StringLike', 'why${?}', { 'app:Owner': 'why?' }, true),
  condVar(SPECIAL, '${?} does not match another character', 'StringLike', 'why${?}', { 'app:Owner': 'whyx' }, false),
  condVar(SPECIAL, '${$} is a literal dollar', 'StringEquals', '${$}{x}', { 'app:Owner': '${x}' }, true),
  condVar(MULTI, 'multivalued key as a variable', 'StringEquals', '${aws:TagKeys}', { 'aws:TagKeys': ['a'], 'app:Owner': 'a' }, false),
  condVar(MULTI, 'multivalued key as a variable with a default', 'StringEquals', "${aws:TagKeys, 'd'}", { 'aws:TagKeys': ['a'], 'app:Owner': 'd' }, true),
  condVar(V2008, '2008 treats a variable literally', 'StringEquals', '${aws:username}', { ...user('alice'), 'app:Owner': '${aws:username}' }, true, '2008-10-17'),
  condVar(V2008, '2008 does not substitute', 'StringEquals', '${aws:username}', { ...user('alice'), 'app:Owner': 'alice' }, false, '2008-10-17'),
  condVar(NON_STRING, 'numeric operator value is not substituted', 'NumericEquals', '${app:Limit}', { 'app:Limit': '5', 'app:Owner': '5' }, false),
  condVar(KEY_CASE, 'variable key in another case', 'StringEquals', '${AWS:UserName}', { ...user('alice'), 'app:Owner': 'alice' }, true),
  condVar(COND_VAR, 'malformed variable is literal text', 'StringEquals', '${aws:username', { ...user('alice'), 'app:Owner': '${aws:username' }, true),
];

function resVar(rule: string, name: string, resource: string, requested: string, ctx: Record<string, unknown>, holds: boolean, version = '2012-10-17', not = false): EvalCase {
  return {
    rule,
    name,
    identity: [{ Version: version, Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', [not ? 'NotResource' : 'Resource']: resource }] }],
    req: { resource: requested },
    ctx: ctx as EvalCase['ctx'],
    want: holds ? 'allowed' : 'implicitDeny',
  };
}

const U = `arn:aws:iam::${ACCT}:user/`;
const B = 'arn:aws:s3:::bucket/';

const resourceCases: EvalCase[] = [
  resVar(RES_VAR, 'own user ARN', `${U}\${aws:username}`, `${U}alice`, user('alice'), true),
  resVar(RES_VAR, 'another user ARN', `${U}\${aws:username}`, `${U}bob`, user('alice'), false),
  resVar(RES_VAR, 'variable must cover the whole rest', `${U}\${aws:username}`, `${U}alice2`, user('alice'), false),
  resVar(RES_VAR, 'variable then wildcard', `${B}\${aws:username}/*`, `${B}alice/notes.txt`, user('alice'), true),
  resVar(RES_VAR, 'variable then wildcard, other prefix', `${B}\${aws:username}/*`, `${B}bob/notes.txt`, user('alice'), false),
  resVar(RES_VAR, 'variable in the middle', `${B}home/\${aws:PrincipalTag/team}/shared`, `${B}home/blue/shared`, { 'aws:PrincipalTag/team': 'blue' }, true),
  resVar(RES_VAR, 'variable with a ? wildcard', `${B}\${aws:username}-?`, `${B}alice-1`, user('alice'), true),
  resVar(RES_VAR, 'variable value with * is literal', `${B}\${aws:PrincipalTag/p}`, `${B}anything`, { 'aws:PrincipalTag/p': '*' }, false),
  resVar(RES_VAR, 'variable value with * matches itself', `${B}\${aws:PrincipalTag/p}`, `${B}*`, { 'aws:PrincipalTag/p': '*' }, true),
  resVar(RES_NO_VALUE, 'username absent', `${U}\${aws:username}`, `${U}alice`, {}, false),
  resVar(RES_NO_VALUE, 'username absent, wildcard after it', `${B}\${aws:username}/*`, `${B}/x`, {}, false),
  resVar(DEFAULT, 'default used in Resource', `${B}\${aws:username, 'shared'}/*`, `${B}shared/x`, {}, true),
  resVar(SPECIAL, '${*} in Resource is literal', `${B}\${*}`, `${B}*`, {}, true),
  resVar(SPECIAL, '${*} in Resource is not a wildcard', `${B}\${*}`, `${B}x`, {}, false),
  resVar(MULTI, 'multivalued key in Resource', `${B}\${aws:TagKeys}`, `${B}a`, { 'aws:TagKeys': ['a'] }, false),
  resVar(V2008, '2008 Resource variable is literal', `${U}\${aws:username}`, `${U}\${aws:username}`, user('alice'), true, '2008-10-17'),
  resVar(V2008, '2008 Resource variable is not substituted', `${U}\${aws:username}`, `${U}alice`, user('alice'), false, '2008-10-17'),
  resVar(KEY_CASE, 'Resource variable key case', `${U}\${AWS:USERNAME}`, `${U}alice`, user('alice'), true),
  resVar(RES_NO_VALUE, 'NotResource with an unresolvable variable does not apply', `${U}\${aws:username}`, `${U}bob`, {}, false, '2012-10-17', true),
  resVar(RES_VAR, 'NotResource with a resolved variable excludes it', `${U}\${aws:username}`, `${U}alice`, user('alice'), false, '2012-10-17', true),
  resVar(RES_VAR, 'NotResource with a resolved variable applies elsewhere', `${U}\${aws:username}`, `${U}bob`, user('alice'), true, '2012-10-17', true),
];

export const variableCases: EvalCase[] = [...conditionCases, ...resourceCases];
