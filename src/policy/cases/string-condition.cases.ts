import { condCases, type CondRow } from './case-types.js';

const EQ = 'Condition operators: StringEquals is an exact, case-sensitive match';
const NEQ = 'Condition operators: StringNotEquals is negated matching';
const IC = 'Condition operators: StringEqualsIgnoreCase matches ignoring case';
const NIC = 'Condition operators: StringNotEqualsIgnoreCase is negated matching ignoring case';
const LIKE = 'Condition operators: StringLike is case-sensitive, supports * and ?';
const NLIKE = 'Condition operators: StringNotLike is negated case-sensitive matching with * and ?';
const MISSING = 'Condition operators: if the key is not present in the request context the condition is false';
const MISSING_NEG =
  'Condition operators: a negated operator (StringNotEquals, StringNotLike...) with the key absent from the request is true';
const OR = 'Creating a condition with multiple keys or values: several values for one key are evaluated with a logical OR';
const NOR = 'Creating a condition with multiple keys or values: a negated operator with several values is a logical NOR';
const STRINGIFY = 'Condition element: AWS accepts numbers and booleans as condition values and compares them as strings';

const K = 'aws:PrincipalTag/team';

const rows: CondRow[] = [
  [EQ, 'StringEquals', K, 'blue', 'blue', true],
  [EQ, 'StringEquals', K, 'blue', 'Blue', false],
  [EQ, 'StringEquals', K, 'blue', 'blue ', false],
  [EQ, 'StringEquals', K, 'blue', 'bluegreen', false],
  [EQ, 'StringEquals', K, 'b*', 'blue', false],
  [EQ, 'StringEquals', K, 'b*', 'b*', true],
  [EQ, 'StringEquals', K, 'b?ue', 'blue', false],
  [EQ, 'StringEquals', K, '', '', true],
  [MISSING, 'StringEquals', K, 'blue', undefined, false],
  [OR, 'StringEquals', K, ['red', 'blue'], 'blue', true],
  [OR, 'StringEquals', K, ['red', 'green'], 'blue', false],
  [STRINGIFY, 'StringEquals', K, 5, '5', true],
  [STRINGIFY, 'StringEquals', K, true, 'true', true],
  [STRINGIFY, 'StringEquals', K, [1, 2], '2', true],
  [NEQ, 'StringNotEquals', K, 'blue', 'red', true],
  [NEQ, 'StringNotEquals', K, 'blue', 'blue', false],
  [NEQ, 'StringNotEquals', K, 'blue', 'BLUE', true],
  [MISSING_NEG, 'StringNotEquals', K, 'blue', undefined, true],
  [NOR, 'StringNotEquals', K, ['red', 'blue'], 'blue', false],
  [NOR, 'StringNotEquals', K, ['red', 'blue'], 'green', true],
  [IC, 'StringEqualsIgnoreCase', K, 'Blue', 'bLUE', true],
  [IC, 'StringEqualsIgnoreCase', K, 'blue', 'blues', false],
  [IC, 'StringEqualsIgnoreCase', K, 'b*', 'BLUE', false],
  [MISSING, 'StringEqualsIgnoreCase', K, 'blue', undefined, false],
  [OR, 'StringEqualsIgnoreCase', K, ['RED', 'BLUE'], 'blue', true],
  [NIC, 'StringNotEqualsIgnoreCase', K, 'Blue', 'bLUE', false],
  [NIC, 'StringNotEqualsIgnoreCase', K, 'blue', 'red', true],
  [MISSING_NEG, 'StringNotEqualsIgnoreCase', K, 'blue', undefined, true],
  [NOR, 'StringNotEqualsIgnoreCase', K, ['RED', 'BLUE'], 'Red', false],
  [LIKE, 'StringLike', K, 'bl*', 'blue', true],
  [LIKE, 'StringLike', K, 'bl*', 'Blue', false],
  [LIKE, 'StringLike', K, 'b?ue', 'blue', true],
  [LIKE, 'StringLike', K, 'b?ue', 'bleue', false],
  [LIKE, 'StringLike', K, 'b??e', 'blue', true],
  [LIKE, 'StringLike', K, '*', '', true],
  [LIKE, 'StringLike', K, 'blue*', 'blue', true],
  [LIKE, 'StringLike', K, 'home/*/docs', 'home/alice/x/docs', true],
  [LIKE, 'StringLike', K, 'a*:b', 'a:x:y:b', true],
  [LIKE, 'StringLike', K, 'blue', 'blue', true],
  [LIKE, 'StringLike', K, 'blue', 'bluex', false],
  [LIKE, 'StringLike', K, '*ue', 'blue', true],
  [LIKE, 'StringLike', K, 'b.ue', 'blue', false],
  [LIKE, 'StringLike', K, 'b(l)ue', 'b(l)ue', true],
  [MISSING, 'StringLike', K, '*', undefined, false],
  [OR, 'StringLike', K, ['r*', 'b*'], 'blue', true],
  [OR, 'StringLike', K, ['r*', 'g*'], 'blue', false],
  [NLIKE, 'StringNotLike', K, 'r*', 'blue', true],
  [NLIKE, 'StringNotLike', K, 'b*', 'blue', false],
  [NLIKE, 'StringNotLike', K, 'B*', 'blue', true],
  [MISSING_NEG, 'StringNotLike', K, 'b*', undefined, true],
  [NOR, 'StringNotLike', K, ['r*', 'b*'], 'blue', false],
  [NOR, 'StringNotLike', K, ['r*', 'g*'], 'blue', true],
];

export const stringConditionCases = condCases(rows);
