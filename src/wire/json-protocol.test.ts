import { describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import { accountError, organizationsError } from './errors.js';
import { decodeJsonInput, serializeJsonError, serializeJsonResponse } from './json-protocol.js';
import { loadModel } from './model.js';
import { syntheticJsonModel } from '../../test/fixtures/wire/test-models.js';

const orgs = loadModel('organizations');
const account = loadModel('account');

function decodeError(op: string, body: unknown): AwsError {
  try {
    decodeJsonInput(orgs, op, body);
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error('expected an AwsError');
}

describe('decodeJsonInput', () => {
  it('reads a JSON body into the input shape, dropping unknown members and nulls', () => {
    const body = JSON.stringify({
      Email: 'a@example.com',
      AccountName: 'dev',
      Tags: [{ Key: 'k', Value: 'v' }],
      Bogus: 1,
      RoleName: null,
    });
    expect(decodeJsonInput(orgs, 'CreateAccount', body)).toEqual({
      Email: 'a@example.com',
      AccountName: 'dev',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
  });

  it('accepts an already-parsed body, and treats an empty body as {}', () => {
    expect(decodeJsonInput(orgs, 'ListAccounts', { MaxResults: 5 })).toEqual({ MaxResults: 5 });
    expect(decodeJsonInput(orgs, 'ListAccounts', '')).toEqual({});
    expect(decodeJsonInput(orgs, 'ListAccounts', '  \n')).toEqual({});
    expect(decodeJsonInput(orgs, 'DescribeOrganization', '{}')).toEqual({});
  });

  it('answers invalid JSON with SerializationException', () => {
    const err = decodeError('ListAccounts', '{"MaxResults":');
    expect(err.code).toBe('SerializationException');
    expect(err.status).toBe(400);
  });

  it('answers ill-typed members with SerializationException', () => {
    expect(decodeError('ListAccounts', '{"MaxResults":"5"}').message).toBe(
      'STRING_VALUE can not be converted to an Integer',
    );
    expect(decodeError('ListAccounts', '{"MaxResults":1.5}').message).toBe(
      'NUMBER_VALUE can not be converted to an Integer',
    );
    expect(decodeError('CreateAccount', '{"Tags":{"Key":"k"}}').message).toBe(
      'START_OBJECT can not be converted to a List',
    );
    expect(decodeError('ListAccounts', '[]').code).toBe('SerializationException');
  });

  it('converts epoch-second timestamps to Dates and base64 blobs to bytes', () => {
    const body =
      '{"When":1704164645.25,"IsoWhen":"2024-01-02T03:04:05Z","Data":"aGk=","Ratio":"NaN","Labels":{"__proto__":"x","a":"b"}}';
    const input = decodeJsonInput(syntheticJsonModel, 'Echo', body) as Record<string, any>;
    expect(input.When).toEqual(new Date('2024-01-02T03:04:05.250Z'));
    expect(input.IsoWhen).toEqual(new Date('2024-01-02T03:04:05Z'));
    expect(input.Data).toEqual(new Uint8Array([104, 105]));
    expect(input.Ratio).toBeNaN();
    expect(Object.getPrototypeOf(input.Labels)).toBe(Object.prototype);
    expect(Object.keys(input.Labels)).toEqual(['__proto__', 'a']);
    expect(() => decodeJsonInput(syntheticJsonModel, 'Echo', '{"Data":"!!"}')).toThrow(
      /can not be converted to a Blob/,
    );
  });

  it('answers an unknown operation with UnknownOperationException', () => {
    expect(() => decodeJsonInput(orgs, 'toString', '{}')).toThrow(/Unknown operation toString/);
  });
});

describe('serializeJsonResponse', () => {
  it('writes Dates as epoch seconds, in model member order, without null members', () => {
    const out = {
      Account: {
        JoinedTimestamp: new Date('2024-01-02T03:04:05.250Z'),
        Name: 'dev',
        Id: '123456789012',
        Arn: 'arn:aws:organizations::111111111111:account/o-abcdefghij/123456789012',
        Email: 'a@example.com',
        Status: 'ACTIVE',
        JoinedMethod: 'CREATED',
        Paths: null,
      },
    };
    expect(serializeJsonResponse(orgs, 'DescribeAccount', out)).toBe(
      '{"Account":{"Id":"123456789012","Arn":"arn:aws:organizations::111111111111:account/o-abcdefghij/123456789012",' +
        '"Email":"a@example.com","Name":"dev","Status":"ACTIVE","JoinedMethod":"CREATED","JoinedTimestamp":1704164645.25}}',
    );
  });

  it('writes blobs as base64, honours timestampFormat, and spells non-finite doubles as strings', () => {
    const out = {
      When: new Date(1500),
      IsoWhen: new Date('2024-01-02T03:04:05.678Z'),
      Data: new Uint8Array([104, 105]),
      Ratio: Infinity,
    };
    expect(JSON.parse(serializeJsonResponse(syntheticJsonModel, 'Echo', out))).toEqual({
      When: 1.5,
      IsoWhen: '2024-01-02T03:04:05Z',
      Data: 'aGk=',
      Ratio: 'Infinity',
    });
  });

  it('writes {} for output-less operations', () => {
    expect(serializeJsonResponse(orgs, 'DeleteOrganization', undefined)).toBe('{}');
    expect(serializeJsonResponse(orgs, 'DeleteOrganization', {})).toBe('{}');
  });

  it('keeps REST-JSON members bound to the URI or headers out of the body', () => {
    const out = {
      ContactInformation: {
        AddressLine1: 'x',
        City: 'y',
        CountryCode: 'US',
        FullName: 'n',
        PhoneNumber: '+1',
        PostalCode: '1',
      },
    };
    expect(JSON.parse(serializeJsonResponse(account, 'GetContactInformation', out))).toEqual(out);
  });
});

describe('serializeJsonError', () => {
  it('writes __type and Message for Organizations errors, plus modeled extras such as Reason', () => {
    const err = organizationsError('AccountNotFoundException', "You specified an account that doesn't exist.");
    expect(err.status).toBe(400);
    expect(serializeJsonError(err)).toBe(
      '{"__type":"AccountNotFoundException","Message":"You specified an account that doesn\'t exist."}',
    );
    const withReason = organizationsError('ConstraintViolationException', 'Too many accounts.', {
      Reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED',
    });
    expect(JSON.parse(serializeJsonError(withReason))).toEqual({
      __type: 'ConstraintViolationException',
      Message: 'Too many accounts.',
      Reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED',
    });
  });

  it("uses the Account service's lower-case message member", () => {
    expect(JSON.parse(serializeJsonError(accountError('ResourceNotFoundException', 'nope')))).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'nope',
    });
  });

  it('writes plain AwsErrors with Message', () => {
    expect(serializeJsonError(new AwsError('SerializationException', 'bad'))).toBe(
      '{"__type":"SerializationException","Message":"bad"}',
    );
  });
});
