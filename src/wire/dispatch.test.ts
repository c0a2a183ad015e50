import { describe, expect, it } from 'vitest';
import { type DispatchService, type WireRequest, locateOperation, routeRequest } from './dispatch.js';
import { loadModel } from './model.js';

const services = new Map<string, DispatchService>([
  ['iam', { name: 'iam', protocol: 'query', model: loadModel('iam') }],
  ['sts', { name: 'sts', protocol: 'query', model: loadModel('sts') }],
  ['organizations', { name: 'organizations', protocol: 'json', model: loadModel('organizations') }],
  ['account', { name: 'account', protocol: 'rest-json', model: loadModel('account') }],
]);
const request = (extra: Partial<WireRequest>): WireRequest => ({
  method: 'POST',
  rawPath: '/',
  rawQuery: '',
  target: undefined,
  headers: [],
  body: Buffer.alloc(0),
  ...extra,
});
const locate = (req: WireRequest, scope?: string) =>
  locateOperation(req, routeRequest(req, services.values()), services, scope);

describe('dispatch by the models', () => {
  it('names a Query operation by the scope’s service, or by Version when unsigned', () => {
    const body = Buffer.from('Action=GetCallerIdentity&Version=2011-06-15');
    expect(locate(request({ body }), 'sts')).toMatchObject({
      ok: true,
      located: { service: { name: 'sts' }, operation: 'GetCallerIdentity' },
    });
    expect(locate(request({ body }))).toMatchObject({ ok: true, located: { service: { name: 'sts' } } });
  });

  it('names a JSON operation by its target, and a REST-JSON one by method and path', () => {
    expect(
      locate(request({ target: 'AWSOrganizationsV20161128.DescribeOrganization', body: Buffer.from('{}') })),
    ).toMatchObject({ ok: true, located: { service: { name: 'organizations' }, operation: 'DescribeOrganization' } });
    expect(locate(request({ rawPath: '/getContactInformation' }), 'account')).toMatchObject({
      ok: true,
      located: { service: { name: 'account' }, operation: 'GetContactInformation', rest: true },
    });
  });

  it('keeps what it could name when it refuses, for the record', () => {
    const refused = locate(request({ body: Buffer.from('Action=ListBuckets') }), 's3');
    expect(refused).toMatchObject({
      ok: false,
      protocol: 'query',
      operation: 'ListBuckets',
      error: { code: 'InvalidAction' },
    });
    expect(locate(request({ target: 'Nope_2020.DoThing' }))).toMatchObject({
      ok: false,
      protocol: 'json',
      operation: 'DoThing',
      error: { code: 'UnknownOperationException' },
    });
    expect(locate(request({ rawPath: '/nothing' }), 'account')).toMatchObject({
      ok: false,
      protocol: 'rest-json',
      service: { name: 'account' },
      error: { status: 404 },
    });
  });
});
