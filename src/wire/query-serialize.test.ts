import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import { iamError } from './errors.js';
import { loadModel } from './model.js';
import { decodeQueryInput } from './query-decode.js';
import { serializeQueryError, serializeQueryResponse } from './query-serialize.js';
import { syntheticQueryModel } from '../../test/fixtures/wire/test-models.js';

const iam = loadModel('iam');
const sts = loadModel('sts');
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
});

// Parse failures must surface, so validate strictly before reading the tree.
function parse(xml: string): Record<string, any> {
  return parser.parse(xml, true) as Record<string, any>;
}

const created = new Date('2024-01-02T03:04:05.678Z');
const user = {
  Path: '/',
  UserName: 'bob',
  UserId: 'AIDAEXAMPLEEXAMPLE01',
  Arn: 'arn:aws:iam::123456789012:user/bob',
  CreateDate: created,
};

describe('serializeQueryResponse', () => {
  it('wraps CreateUser in Response/Result/ResponseMetadata with the namespace, in model member order', () => {
    const xml = serializeQueryResponse(
      iam,
      'CreateUser',
      { User: { ...user, Tags: [{ Key: 'env', Value: 'prod' }] } },
      'req-1',
    );
    expect(xml).toBe(
      '<CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><CreateUserResult><User>' +
        '<Path>/</Path><UserName>bob</UserName><UserId>AIDAEXAMPLEEXAMPLE01</UserId>' +
        '<Arn>arn:aws:iam::123456789012:user/bob</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate>' +
        '<Tags><member><Key>env</Key><Value>prod</Value></member></Tags>' +
        '</User></CreateUserResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></CreateUserResponse>',
    );
  });

  it('writes ListUsers lists, IsTruncated and Marker', () => {
    const out = {
      Users: [user, { ...user, UserName: 'alice', PasswordLastUsed: created }],
      IsTruncated: true,
      Marker: 'next',
    };
    const doc = parse(serializeQueryResponse(iam, 'ListUsers', out, 'req-2'));
    const result = doc.ListUsersResponse.ListUsersResult;
    expect(result.IsTruncated).toBe('true');
    expect(result.Marker).toBe('next');
    expect(result.Users.member).toHaveLength(2);
    expect(result.Users.member[1]).toMatchObject({ UserName: 'alice', PasswordLastUsed: '2024-01-02T03:04:05Z' });
    expect(doc.ListUsersResponse['@_xmlns']).toBe('https://iam.amazonaws.com/doc/2010-05-08/');
    expect(doc.ListUsersResponse.ResponseMetadata.RequestId).toBe('req-2');
  });

  it('writes an empty list as an empty element and skips null/undefined members', () => {
    const xml = serializeQueryResponse(
      iam,
      'ListUsers',
      { Users: [], IsTruncated: false, Marker: undefined, Extra: 'x' },
      'r',
    );
    expect(xml).toContain('<ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult>');
  });

  it('writes CreateAccessKey and GetAccessKeyLastUsed', () => {
    const key = {
      UserName: 'bob',
      AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      Status: 'Active',
      SecretAccessKey: 'wJalr/K7MDENG+bPxRfiCY',
      CreateDate: created,
    };
    const doc = parse(serializeQueryResponse(iam, 'CreateAccessKey', { AccessKey: key }, 'r'));
    expect(doc.CreateAccessKeyResponse.CreateAccessKeyResult.AccessKey).toEqual({
      ...key,
      CreateDate: '2024-01-02T03:04:05Z',
    });

    const lastUsed = {
      UserName: 'bob',
      AccessKeyLastUsed: { LastUsedDate: created, ServiceName: 'iam', Region: 'us-east-1' },
    };
    const doc2 = parse(serializeQueryResponse(iam, 'GetAccessKeyLastUsed', lastUsed, 'r'));
    expect(doc2.GetAccessKeyLastUsedResponse.GetAccessKeyLastUsedResult).toEqual({
      UserName: 'bob',
      AccessKeyLastUsed: { LastUsedDate: '2024-01-02T03:04:05Z', ServiceName: 'iam', Region: 'us-east-1' },
    });
  });

  it('writes STS GetCallerIdentity', () => {
    const out = { UserId: 'AIDAEXAMPLE', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/bob' };
    const xml = serializeQueryResponse(sts, 'GetCallerIdentity', out, 'r-9');
    expect(xml).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        '<UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/bob</Arn>' +
        '</GetCallerIdentityResult><ResponseMetadata><RequestId>r-9</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
    );
  });

  it('writes only ResponseMetadata for operations without output', () => {
    expect(serializeQueryResponse(iam, 'DeleteUser', {}, 'r')).toBe(
      '<DeleteUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteUserResponse>',
    );
  });

  it('writes maps as entry/key/value and blobs as base64', () => {
    const doc = parse(
      serializeQueryResponse(iam, 'GetAccountSummary', { SummaryMap: { Users: 3, UsersQuota: 5000 } }, 'r'),
    );
    expect(doc.GetAccountSummaryResponse.GetAccountSummaryResult.SummaryMap.entry).toEqual([
      { key: 'Users', value: '3' },
      { key: 'UsersQuota', value: '5000' },
    ]);
    const mfa = {
      VirtualMFADevice: {
        SerialNumber: 'arn:aws:iam::123456789012:mfa/bob',
        Base32StringSeed: new Uint8Array([1, 2, 255]),
      },
    };
    expect(serializeQueryResponse(iam, 'CreateVirtualMFADevice', mfa, 'r')).toContain(
      '<Base32StringSeed>AQL/</Base32StringSeed>',
    );
  });

  it('accepts ISO strings and epoch milliseconds for timestamps', () => {
    const a = serializeQueryResponse(
      iam,
      'GetUser',
      { User: { ...user, CreateDate: '2024-01-02T03:04:05.999Z' } },
      'r',
    );
    const b = serializeQueryResponse(
      iam,
      'GetUser',
      { User: { ...user, CreateDate: Date.UTC(2024, 0, 2, 3, 4, 5) } },
      'r',
    );
    expect(a).toContain('<CreateDate>2024-01-02T03:04:05Z</CreateDate>');
    expect(b).toContain('<CreateDate>2024-01-02T03:04:05Z</CreateDate>');
  });

  it('throws a TypeError when output does not fit the model', () => {
    expect(() => serializeQueryResponse(iam, 'ListUsers', { Users: 'nope' }, 'r')).toThrow(TypeError);
    expect(() => serializeQueryResponse(iam, 'GetUser', { User: { ...user, CreateDate: 'soon' } }, 'r')).toThrow(
      TypeError,
    );
  });

  it('escapes markup and control characters in echoed values', () => {
    const nasty = `<script>&"'</script>\r\n\ttab\u0000nul\u0008bs\uFFFEx\uD800y\u{1F600}`;
    const xml = serializeQueryResponse(
      iam,
      'CreateUser',
      { User: { ...user, Tags: [{ Key: 'k', Value: nasty }] } },
      'r',
    );
    expect(xml).toContain(
      '<Value>&lt;script&gt;&amp;&quot;&apos;&lt;/script&gt;&#xD;&#xA;\ttabnulbsxy\u{1F600}</Value>',
    );
    const doc = parse(xml);
    expect(doc.CreateUserResponse.CreateUserResult.User.Tags.member.Value).toBe(
      `<script>&"'</script>\r\n\ttabnulbsxy\u{1F600}`,
    );
  });

  it('round-trips flattened lists, locationNames and maps (synthetic model)', () => {
    const out = {
      Renamed: 'r',
      Flat: ['a', 'b'],
      FlatNamed: ['c'],
      Items: ['d'],
      Attrs: { color: 'red' },
      FlatAttrs: { k: 'v' },
      Nested: { Enabled: true },
    };
    const xml = serializeQueryResponse(syntheticQueryModel, 'Echo', out, 'r');
    expect(xml).toContain(
      '<EchoResult><WireName>r</WireName><Flat>a</Flat><Flat>b</Flat><Item>c</Item><Items><item>d</item></Items>' +
        '<Attrs><entry><Name>color</Name><Val>red</Val></entry></Attrs><FlatAttrs><key>k</key><value>v</value></FlatAttrs>' +
        '<Nested><Enabled>true</Enabled></Nested></EchoResult>',
    );
    // And the request side reads the equivalent Query parameters back to the same object.
    const params = new URLSearchParams(
      'WireName=r&Flat.1=a&Flat.2=b&Item.1=c&Items.item.1=d&Attrs.entry.1.Name=color&Attrs.entry.1.Val=red&FlatAttrs.1.key=k&FlatAttrs.1.value=v&Nested.Enabled=true',
    );
    expect(decodeQueryInput(syntheticQueryModel, 'Echo', params)).toEqual(out);
  });
});

describe('serializeQueryError', () => {
  it('writes the ErrorResponse envelope', () => {
    const err = iamError('NoSuchEntityException', 'The user with name bob cannot be found.');
    expect(serializeQueryError(err, 'req-3', iam.metadata.xmlNamespace!)).toBe(
      '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>' +
        '<Message>The user with name bob cannot be found.</Message></Error><RequestId>req-3</RequestId></ErrorResponse>',
    );
  });

  it('escapes the message and uses Receiver for server faults', () => {
    const xml = serializeQueryError(new AwsError('ServiceFailure', 'bad <thing> & "more"', 500), 'r', 'ns');
    expect(xml).toContain('<Type>Receiver</Type>');
    expect(parse(xml).ErrorResponse.Error.Message).toBe('bad <thing> & "more"');
  });
});
