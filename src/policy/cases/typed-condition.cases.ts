import { condCases, type CondRow } from './case-types.js';

const NUM = 'Condition operators: numeric operators compare integer and decimal values';
const NUM_BAD = 'Condition operators: a request value that is not a number does not satisfy a numeric condition';
const DATE = 'Condition operators: date operators compare ISO 8601 date-times or epoch seconds as instants';
const BOOL = 'Condition operators: Bool compares true/false, case-insensitively';
const BIN = 'Condition operators: BinaryEquals compares the bytes of base64-encoded values';
const IP = 'Condition operators: IpAddress matches an IPv4 or IPv6 address or CIDR range (RFC 4632)';
const NOTIP = 'Condition operators: NotIpAddress is true when the address is in none of the ranges';
const ARN = 'Condition operators: ArnEquals/ArnLike compare each of the six ARN segments, with * and ? in any segment';
const NOTARN = 'Condition operators: ArnNotEquals/ArnNotLike are negated ARN matching';
const NULL = 'Condition operators: Null true means the key is absent, false means it is present and not null';
const MISSING = 'Condition operators: if the key is not present in the request context the condition is false';
const MISSING_NEG = 'Condition operators: a negated operator with the key absent from the request is true';

const N = 'aws:MultiFactorAuthAge';
const T = 'aws:CurrentTime';
const B = 'aws:SecureTransport';
const S = 'aws:SourceIp';
const A = 'aws:PrincipalArn';
const ROLE = 'arn:aws:iam::111122223333:role/ops/Admin';

const rows: CondRow[] = [
  [NUM, 'NumericEquals', N, '10', '10', true],
  [NUM, 'NumericEquals', N, '10', '10.0', true],
  [NUM, 'NumericEquals', N, 10, '10', true],
  [NUM, 'NumericEquals', N, '10', '11', false],
  [NUM, 'NumericEquals', N, ['5', '10'], '5', true],
  [NUM_BAD, 'NumericEquals', N, '10', 'ten', false],
  [MISSING, 'NumericEquals', N, '10', undefined, false],
  [NUM, 'NumericNotEquals', N, '10', '11', true],
  [NUM, 'NumericNotEquals', N, '10', '10', false],
  [MISSING_NEG, 'NumericNotEquals', N, '10', undefined, true],
  [NUM_BAD, 'NumericNotEquals', N, '10', 'ten', false],
  [NUM, 'NumericLessThan', N, '3600', '100', true],
  [NUM, 'NumericLessThan', N, '3600', '3600', false],
  [NUM, 'NumericLessThan', N, '3600', '7200', false],
  [NUM, 'NumericLessThan', N, '4', '3.5', true],
  [NUM, 'NumericLessThan', N, '0', '-1', true],
  [MISSING, 'NumericLessThan', N, '3600', undefined, false],
  [NUM, 'NumericLessThanEquals', N, '3600', '3600', true],
  [NUM, 'NumericLessThanEquals', N, '3600', '3601', false],
  [NUM, 'NumericGreaterThan', N, '10', '11', true],
  [NUM, 'NumericGreaterThan', N, '10', '10', false],
  [NUM, 'NumericGreaterThanEquals', N, '10', '10', true],
  [NUM, 'NumericGreaterThanEquals', N, '10', '9.99', false],
  [NUM, 'NumericGreaterThanEquals', N, '1e3', '1000', true],
  [DATE, 'DateEquals', T, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', true],
  [DATE, 'DateEquals', T, '1704067200', '2024-01-01T00:00:00Z', true],
  [DATE, 'DateEquals', T, '2024-01-01T01:00:00+01:00', '2024-01-01T00:00:00Z', true],
  [DATE, 'DateEquals', T, '2024-01-01', '2024-01-01T00:00:00Z', true],
  [DATE, 'DateEquals', T, '2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', false],
  [DATE, 'DateNotEquals', T, '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', true],
  [DATE, 'DateNotEquals', T, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', false],
  [MISSING_NEG, 'DateNotEquals', T, '2024-01-01T00:00:00Z', undefined, true],
  [DATE, 'DateLessThan', T, '2024-06-30T00:00:00Z', '2024-01-01T00:00:00Z', true],
  [DATE, 'DateLessThan', T, '2024-06-30T00:00:00Z', '2024-07-01T00:00:00Z', false],
  [DATE, 'DateLessThan', T, '2024-06-30T00:00:00Z', '2024-06-30T00:00:00Z', false],
  [DATE, 'DateLessThan', T, '1719705600', '2024-06-29T23:59:59Z', true],
  [DATE, 'DateLessThan', 'aws:EpochTime', '2024-06-30T00:00:00Z', '1719705599', true],
  [MISSING, 'DateLessThan', T, '2024-06-30T00:00:00Z', undefined, false],
  [DATE, 'DateLessThanEquals', T, '2024-06-30T00:00:00Z', '2024-06-30T00:00:00Z', true],
  [DATE, 'DateLessThanEquals', T, '2024-06-30T00:00:00Z', '2024-06-30T00:00:01Z', false],
  [DATE, 'DateGreaterThan', T, '2024-06-30T00:00:00Z', '2024-07-01T00:00:00Z', true],
  [DATE, 'DateGreaterThan', T, '2024-06-30T00:00:00Z', '2024-06-30T00:00:00Z', false],
  [DATE, 'DateGreaterThanEquals', T, '2024-06-30T00:00:00Z', '2024-06-30T00:00:00Z', true],
  [DATE, 'DateGreaterThanEquals', T, '2024-06-30T00:00:00Z', '2024-06-29T00:00:00Z', false],
  [DATE, 'DateGreaterThan', T, '2024-06-30T00:00:00Z', 'not-a-date', false],
  [BOOL, 'Bool', B, 'true', 'true', true],
  [BOOL, 'Bool', B, 'true', 'false', false],
  [BOOL, 'Bool', B, 'true', 'TRUE', true],
  [BOOL, 'Bool', B, true, 'true', true],
  [BOOL, 'Bool', B, 'false', 'false', true],
  [BOOL, 'Bool', B, 'false', 'true', false],
  [BOOL, 'Bool', B, 'true', 'yes', false],
  [MISSING, 'Bool', B, 'false', undefined, false],
  [BIN, 'BinaryEquals', 'aws:RequestTag/bin', 'QmluYXJ5VmFsdWU=', 'QmluYXJ5VmFsdWU=', true],
  [BIN, 'BinaryEquals', 'aws:RequestTag/bin', 'QmluYXJ5VmFsdWU=', 'T3RoZXI=', false],
  [BIN, 'BinaryEquals', 'aws:RequestTag/bin', 'QQ==', 'QQ', true],
  [MISSING, 'BinaryEquals', 'aws:RequestTag/bin', 'QQ==', undefined, false],
  [IP, 'IpAddress', S, '10.0.0.0/8', '10.1.2.3', true],
  [IP, 'IpAddress', S, '10.0.0.0/8', '11.0.0.1', false],
  [IP, 'IpAddress', S, '203.0.113.5', '203.0.113.5', true],
  [IP, 'IpAddress', S, '203.0.113.5/32', '203.0.113.6', false],
  [IP, 'IpAddress', S, '203.0.113.0/25', '203.0.113.127', true],
  [IP, 'IpAddress', S, '203.0.113.0/25', '203.0.113.128', false],
  [IP, 'IpAddress', S, '0.0.0.0/0', '198.51.100.7', true],
  [IP, 'IpAddress', S, '2001:db8::/32', '2001:db8:1::1', true],
  [IP, 'IpAddress', S, '2001:db8::/32', '2001:db9::1', false],
  [IP, 'IpAddress', S, '2001:DB8:0:0:0:0:0:1', '2001:db8::1', true],
  [IP, 'IpAddress', S, '2001:db8::/32', '10.1.2.3', false],
  [IP, 'IpAddress', S, '10.0.0.0/8', '::ffff:10.1.2.3', true],
  [IP, 'IpAddress', S, ['192.168.0.0/16', '10.0.0.0/8'], '10.9.9.9', true],
  [IP, 'IpAddress', S, '10.0.0.0/8', 'not-an-ip', false],
  [MISSING, 'IpAddress', S, '10.0.0.0/8', undefined, false],
  [NOTIP, 'NotIpAddress', S, '10.0.0.0/8', '192.168.1.1', true],
  [NOTIP, 'NotIpAddress', S, '10.0.0.0/8', '10.1.1.1', false],
  [NOTIP, 'NotIpAddress', S, ['192.168.0.0/16', '10.0.0.0/8'], '10.1.1.1', false],
  [NOTIP, 'NotIpAddress', S, ['192.168.0.0/16', '10.0.0.0/8'], '172.16.0.1', true],
  [MISSING_NEG, 'NotIpAddress', S, '10.0.0.0/8', undefined, true],
  [ARN, 'ArnEquals', A, ROLE, ROLE, true],
  [ARN, 'ArnEquals', A, ROLE, ROLE.toLowerCase(), false],
  [ARN, 'ArnEquals', A, 'arn:aws:iam::111122223333:role/*', ROLE, true],
  [ARN, 'ArnLike', A, 'arn:aws:iam::*:role/ops/*', ROLE, true],
  [ARN, 'ArnLike', A, 'arn:aws:iam::*:role/dev/*', ROLE, false],
  [ARN, 'ArnLike', A, 'arn:*:iam::111122223333:role/ops/Admin', ROLE, true],
  [ARN, 'ArnLike', A, 'arn:aws:iam::1111222233??:role/ops/Admin', ROLE, true],
  [ARN, 'ArnLike', A, 'arn:aws:iam:*:role/ops/Admin', ROLE, false],
  [ARN, 'ArnLike', A, 'arn:aws:*', ROLE, true],
  [ARN, 'ArnLike', A, 'arn:aws:iam::111122223333:*', ROLE, true],
  [ARN, 'ArnLike', A, 'arn:aws:iam::111122223333:role/ops/Admi?', ROLE, true],
  [MISSING, 'ArnLike', A, 'arn:aws:iam::*:role/*', undefined, false],
  [NOTARN, 'ArnNotEquals', A, ROLE, ROLE, false],
  [NOTARN, 'ArnNotEquals', A, 'arn:aws:iam::111122223333:role/other', ROLE, true],
  [NOTARN, 'ArnNotLike', A, 'arn:aws:iam::*:role/ops/*', ROLE, false],
  [NOTARN, 'ArnNotLike', A, 'arn:aws:iam::*:user/*', ROLE, true],
  [MISSING_NEG, 'ArnNotLike', A, 'arn:aws:iam::*:role/*', undefined, true],
  [NULL, 'Null', 'aws:TokenIssueTime', 'true', undefined, true],
  [NULL, 'Null', 'aws:TokenIssueTime', 'true', '2024-01-01T00:00:00Z', false],
  [NULL, 'Null', 'aws:TokenIssueTime', 'false', '2024-01-01T00:00:00Z', true],
  [NULL, 'Null', 'aws:TokenIssueTime', 'false', undefined, false],
  [NULL, 'Null', 'aws:TokenIssueTime', true, undefined, true],
  [NULL, 'Null', 'aws:TagKeys', 'true', [], true],
  [NULL, 'Null', 'aws:TagKeys', 'false', ['a'], true],
  [NULL, 'Null', 'aws:RequestTag/x', 'false', '', true],
];

export const typedConditionCases = condCases(rows);
