import { describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import { loadModel } from './model.js';
import { decodeQueryInput } from './query-decode.js';
import { syntheticQueryModel } from '../../test/fixtures/wire/test-models.js';

const iam = loadModel('iam');
const sts = loadModel('sts');

function decode(model: typeof iam, action: string, query: string): unknown {
  return decodeQueryInput(
    model,
    action,
    new URLSearchParams(`Action=${action}&Version=${model.metadata.apiVersion}&${query}`),
  );
}

function decodeError(model: typeof iam, action: string, query: string): AwsError {
  try {
    decode(model, action, query);
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error('expected an AwsError');
}

describe('decodeQueryInput (IAM)', () => {
  it('reads CreateUser with member.N tag lists', () => {
    const input = decode(
      iam,
      'CreateUser',
      'UserName=bob&Path=%2Fteam%2F&Tags.member.1.Key=env&Tags.member.1.Value=prod&Tags.member.2.Key=empty&Tags.member.2.Value=',
    );
    expect(input).toEqual({
      Path: '/team/',
      UserName: 'bob',
      Tags: [
        { Key: 'env', Value: 'prod' },
        { Key: 'empty', Value: '' },
      ],
    });
  });

  it('orders list items by index, not by parameter order, and tolerates gaps', () => {
    const input = decode(
      iam,
      'TagUser',
      'UserName=bob&Tags.member.10.Key=c&Tags.member.10.Value=3&Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1',
    );
    expect(input).toEqual({
      UserName: 'bob',
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
        { Key: 'c', Value: '3' },
      ],
    });
  });

  it('reads an empty list sent as a bare name', () => {
    expect(decode(iam, 'TagUser', 'UserName=bob&Tags=')).toEqual({ UserName: 'bob', Tags: [] });
  });

  it('parses integers and booleans', () => {
    expect(decode(iam, 'ListUsers', 'MaxItems=25&Marker=abc')).toEqual({ MaxItems: 25, Marker: 'abc' });
    expect(decode(iam, 'CreateLoginProfile', 'UserName=bob&Password=pw&PasswordResetRequired=true')).toEqual({
      UserName: 'bob',
      Password: 'pw',
      PasswordResetRequired: true,
    });
    expect(decode(iam, 'CreateLoginProfile', 'PasswordResetRequired=false')).toEqual({ PasswordResetRequired: false });
  });

  it('ignores unknown parameters, Action, Version and query-auth parameters', () => {
    expect(decode(iam, 'ListUsers', 'Bogus=1&X-Amz-Signature=abc&X-Amz-Date=20240101T000000Z&PathPrefix=%2F')).toEqual({
      PathPrefix: '/',
    });
  });

  it('returns {} for an operation without input members given', () => {
    expect(decode(iam, 'ListUsers', '')).toEqual({});
  });

  it('reads lists of scalars inside list items (SimulatePrincipalPolicy context entries)', () => {
    const input = decode(
      iam,
      'SimulatePrincipalPolicy',
      'PolicySourceArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Auser%2Fbob&ActionNames.member.1=s3%3AGetObject' +
        '&ContextEntries.member.1.ContextKeyName=aws%3ASourceIp&ContextEntries.member.1.ContextKeyType=ip' +
        '&ContextEntries.member.1.ContextKeyValues.member.1=10.0.0.1&ContextEntries.member.1.ContextKeyValues.member.2=10.0.0.2',
    );
    expect(input).toEqual({
      PolicySourceArn: 'arn:aws:iam::123456789012:user/bob',
      ActionNames: ['s3:GetObject'],
      ContextEntries: [
        { ContextKeyName: 'aws:SourceIp', ContextKeyType: 'ip', ContextKeyValues: ['10.0.0.1', '10.0.0.2'] },
      ],
    });
  });

  it('rejects values that are not of their type with a ValidationError', () => {
    const err = decodeError(iam, 'ListUsers', 'MaxItems=ten');
    expect(err.code).toBe('ValidationError');
    expect(err.status).toBe(400);
    expect(err.message).toBe(
      "1 validation error detected: Value 'ten' at 'maxItems' failed to satisfy constraint: Member must be of type Integer",
    );
    expect(decodeError(iam, 'CreateLoginProfile', 'PasswordResetRequired=yes').message).toContain(
      "Value 'yes' at 'passwordResetRequired' failed to satisfy constraint: Member must be of type Boolean",
    );
    expect(decodeError(iam, 'ListUsers', 'MaxItems=99999999999').message).toContain('must be of type Integer');
  });

  it('answers an unknown action with InvalidAction', () => {
    const err = decodeError(iam, 'constructor', '');
    expect(err.code).toBe('InvalidAction');
    expect(err.message).toBe('Could not find operation constructor for version 2010-05-08');
  });
});

describe('decodeQueryInput (STS)', () => {
  it('reads AssumeRole with PolicyArns, Tags, TransitiveTagKeys and DurationSeconds', () => {
    const input = decode(
      sts,
      'AssumeRole',
      'RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdev&RoleSessionName=s1&DurationSeconds=3600' +
        '&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess' +
        '&PolicyArns.member.2.arn=arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fp' +
        '&Tags.member.1.Key=team&Tags.member.1.Value=blue&TransitiveTagKeys.member.1=team',
    );
    expect(input).toEqual({
      RoleArn: 'arn:aws:iam::123456789012:role/dev',
      RoleSessionName: 's1',
      DurationSeconds: 3600,
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, { arn: 'arn:aws:iam::123456789012:policy/p' }],
      Tags: [{ Key: 'team', Value: 'blue' }],
      TransitiveTagKeys: ['team'],
    });
  });

  it('returns {} for GetCallerIdentity', () => {
    expect(decode(sts, 'GetCallerIdentity', '')).toEqual({});
  });
});

describe('decodeQueryInput (locationName, flattened, maps, other scalars)', () => {
  const model = syntheticQueryModel;

  it('honours member and list-member locationNames and flattened lists', () => {
    const input = decode(model, 'Echo', 'WireName=x&Flat.1=a&Flat.2=b&Item.1=i1&Item.2=i2&Items.item.1=n1');
    expect(input).toEqual({ Renamed: 'x', Flat: ['a', 'b'], FlatNamed: ['i1', 'i2'], Items: ['n1'] });
  });

  it('reads entry.N maps with custom key/value names and flattened maps', () => {
    const input = decode(
      model,
      'Echo',
      'Attrs.entry.1.Name=color&Attrs.entry.1.Val=red&Attrs.entry.2.Name=__proto__&Attrs.entry.2.Val=p' +
        '&FlatAttrs.1.key=a&FlatAttrs.1.value=1',
    );
    const attrs = (input as { Attrs: Record<string, string> }).Attrs;
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(Object.entries(attrs)).toEqual([
      ['color', 'red'],
      ['__proto__', 'p'],
    ]);
    expect((input as { FlatAttrs: unknown }).FlatAttrs).toEqual({ a: '1' });
  });

  it('reads nested structures, timestamps, blobs, doubles and longs', () => {
    const input = decode(
      model,
      'Echo',
      'Nested.Enabled=true&Nested.Deeper.Enabled=false&When=2024-01-02T03%3A04%3A05.123456Z&Data=aGVsbG8%3D&Ratio=0.5&Count=9007199254740991',
    );
    expect(input).toEqual({
      Nested: { Enabled: true, Deeper: { Enabled: false } },
      When: new Date('2024-01-02T03:04:05.123Z'),
      Data: new Uint8Array(Buffer.from('hello')),
      Ratio: 0.5,
      Count: 9007199254740991,
    });
    expect(decode(model, 'Echo', 'When=1704164645')).toEqual({ When: new Date('2024-01-02T03:04:05Z') });
  });

  it('reports every unreadable value at once, with nested paths, in request order', () => {
    const err = decodeError(model, 'Echo', 'Nested.Deeper.Enabled=maybe&When=yesterday&Data=%%%');
    expect(err.message).toBe(
      '3 validation errors detected: ' +
        "Value 'maybe' at 'nested.deeper.enabled' failed to satisfy constraint: Member must be of type Boolean; " +
        "Value 'yesterday' at 'when' failed to satisfy constraint: Member must be of type Timestamp; " +
        "Value '%%%' at 'data' failed to satisfy constraint: Member must be of type Blob",
    );
    expect(decodeError(model, 'Echo', 'Data=%%%&When=yesterday').message).toMatch(
      /^2 validation errors detected: Value '%%%' at 'data'.*; Value 'yesterday' at 'when'/,
    );
  });

  it('keeps the request order of members in the decoded object', () => {
    expect(Object.keys(decode(model, 'Echo', 'Ratio=0.5&Count=1&Nested.Enabled=true') as object)).toEqual([
      'Ratio',
      'Count',
      'Nested',
    ]);
  });
});
