import { describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import { accountError } from './errors.js';
import type { ServiceModel } from './model.js';
import { loadModel } from './model.js';
import {
  decodeRestJsonInput,
  findRestOperation,
  serializeRestJsonError,
  serializeRestJsonResponse,
} from './rest-json.js';

const account = loadModel('account');

/** A small REST model with URI, query-string and header members. */
const rest: ServiceModel = {
  metadata: { apiVersion: '2020-01-01', protocol: 'rest-json', serviceId: 'Thing', endpointPrefix: 'thing' },
  operations: {
    GetThing: {
      name: 'GetThing',
      http: { method: 'GET', requestUri: '/things/{Name}?verbose' },
      input: { shape: 'GetThingRequest' },
      output: { shape: 'GetThingResponse' },
    },
  },
  shapes: {
    GetThingRequest: {
      type: 'structure',
      members: {
        Name: { shape: 'S', location: 'uri', locationName: 'Name' },
        Limit: { shape: 'I', location: 'querystring', locationName: 'limit' },
        Ids: { shape: 'L', location: 'querystring', locationName: 'id' },
        Trace: { shape: 'S', location: 'header', locationName: 'X-Trace' },
        Note: { shape: 'S' },
      },
    },
    GetThingResponse: {
      type: 'structure',
      members: { Etag: { shape: 'S', location: 'header', locationName: 'ETag' }, Name: { shape: 'S' } },
    },
    S: { type: 'string' },
    I: { type: 'integer' },
    L: { type: 'list', member: { shape: 'S' } },
  },
};

describe('findRestOperation', () => {
  it('finds the Account operation by method and requestUri', () => {
    expect(findRestOperation(account, 'POST', '/getAlternateContact')?.operation.name).toBe('GetAlternateContact');
    expect(findRestOperation(account, 'GET', '/getAlternateContact')).toBeUndefined();
    expect(findRestOperation(account, 'POST', '/')).toBeUndefined();
  });

  it('reads URI labels, percent-decoded', () => {
    expect(findRestOperation(rest, 'GET', '/things/a%20b')).toMatchObject({
      operation: { name: 'GetThing' },
      labels: { Name: 'a b' },
    });
  });
});

describe('decodeRestJsonInput', () => {
  it('takes located members from the URI, query string and headers, the rest from the body', () => {
    const input = decodeRestJsonInput(
      rest,
      'GetThing',
      '/things/x',
      new URLSearchParams('limit=5&id=a&id=b'),
      [['x-trace', 't1']],
      '{"Note":"n","Name":"ignored"}',
    );
    expect(input).toEqual({ Name: 'x', Limit: 5, Ids: ['a', 'b'], Trace: 't1', Note: 'n' });
  });

  it('an ill-typed query value is a SerializationException', () => {
    expect(() => decodeRestJsonInput(rest, 'GetThing', '/things/x', new URLSearchParams('limit=many'), [], '')).toThrow(
      AwsError,
    );
  });

  it('Account bodies decode as JSON', () => {
    expect(
      decodeRestJsonInput(
        account,
        'GetAlternateContact',
        '/getAlternateContact',
        new URLSearchParams(),
        [],
        '{"AlternateContactType":"BILLING"}',
      ),
    ).toEqual({
      AlternateContactType: 'BILLING',
    });
  });
});

describe('serializeRestJsonResponse / serializeRestJsonError', () => {
  it('puts header members in headers and the rest in the body', () => {
    expect(serializeRestJsonResponse(rest, 'GetThing', { Etag: 'e1', Name: 'x' })).toEqual({
      body: '{"Name":"x"}',
      headers: { ETag: 'e1' },
    });
    expect(
      serializeRestJsonResponse(account, 'GetAccountInformation', {
        AccountId: '123456789012',
        AccountCreatedDate: new Date('2020-01-02T03:04:05Z'),
      }).body,
    ).toBe('{"AccountId":"123456789012","AccountCreatedDate":"2020-01-02T03:04:05Z"}');
  });

  it('errors: x-amzn-ErrorType and a {"message"} body with the modeled extras', () => {
    const err = accountError('ValidationException', 'bad', { reason: 'fieldValidationFailed' });
    expect(serializeRestJsonError(err)).toEqual({
      headers: { 'x-amzn-ErrorType': 'ValidationException' },
      body: '{"message":"bad","reason":"fieldValidationFailed"}',
    });
    expect(serializeRestJsonError(new AwsError('AccessDeniedException', 'no', 403)).body).toBe('{"message":"no"}');
  });
});
