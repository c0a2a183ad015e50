import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICES, generateTypes } from '../../scripts/gen-types.js';
import type { CreateUserRequest, IamOperationName, IamOperations } from './generated/iam.js';
import type { OrganizationsOperations } from './generated/organizations.js';
import type { StsOperations } from './generated/sts.js';
import { findOperation, loadModel, structMembers } from './model.js';

describe('loadModel', () => {
  it('loads each service once, stripped of documentation', () => {
    for (const name of ['iam', 'sts', 'organizations', 'account'] as const) {
      const model = loadModel(name);
      expect(loadModel(name)).toBe(model);
      expect(JSON.stringify(model)).not.toContain('"documentation"');
    }
    expect(loadModel('iam').metadata).toMatchObject({ protocol: 'query', apiVersion: '2010-05-08' });
    expect(loadModel('organizations').metadata).toMatchObject({
      protocol: 'json',
      targetPrefix: 'AWSOrganizationsV20161128',
    });
  });

  it('keeps resultWrapper and the error traits', () => {
    const iam = loadModel('iam');
    expect(iam.operations.CreateUser?.output).toEqual({
      shape: 'CreateUserResponse',
      resultWrapper: 'CreateUserResult',
    });
    expect(iam.shapes.NoSuchEntityException?.error).toEqual({
      code: 'NoSuchEntity',
      httpStatusCode: 404,
      senderFault: true,
    });
  });

  it('does not mistake Object.prototype names for operations', () => {
    expect(findOperation(loadModel('iam'), 'constructor')).toBeUndefined();
    expect(findOperation(loadModel('iam'), '__proto__')).toBeUndefined();
    expect(findOperation(loadModel('iam'), 'CreateUser')?.name).toBe('CreateUser');
  });

  it('resolves structure members in model order', () => {
    const iam = loadModel('iam');
    const members = structMembers(iam, iam.shapes.CreateUserRequest!);
    expect(members.map((m) => [m.name, m.wire, m.required, m.shape.type])).toEqual([
      ['Path', 'Path', false, 'string'],
      ['UserName', 'UserName', true, 'string'],
      ['PermissionsBoundary', 'PermissionsBoundary', false, 'string'],
      ['Tags', 'Tags', false, 'list'],
    ]);
  });
});

describe('generated types', () => {
  it('are up to date with the models (run npm run models:gen otherwise)', () => {
    for (const { id, prefix } of SERVICES) {
      const onDisk = readFileSync(new URL(`./generated/${id}.ts`, import.meta.url), 'utf8');
      expect(onDisk === generateTypes(loadModel(id), prefix), `${id}.ts is stale`).toBe(true);
    }
  });

  it('prefix shape names that would shadow TS keywords or globals', () => {
    const model = {
      metadata: { apiVersion: '1', protocol: 'query', serviceId: 'Syn', endpointPrefix: 'syn' },
      operations: { Op: { name: 'Op', http: { method: 'POST', requestUri: '/' }, input: { shape: 'String' } } },
      shapes: {
        String: {
          type: 'structure',
          members: { Flag: { shape: 'boolean' }, When: { shape: 'Date' }, Raw: { shape: 'blob' } },
        },
        boolean: { type: 'string', enum: ['yes', 'no'] },
        Date: { type: 'timestamp' },
        blob: { type: 'blob' },
      },
    } as const;
    const source = generateTypes(model as never, 'Syn');
    expect(source).toContain(
      'export interface SynString {\n  Flag?: SynBoolean;\n  When?: Date;\n  Raw?: Uint8Array;\n}',
    );
    expect(source).toContain('export type SynBoolean = "yes" | "no";');
    expect(source).toContain('Op: { input: SynString; output: Record<string, never> };');
    expect(source).toContain('export type SynErrorShape = never;');
  });

  it('type the operations (checked by tsc)', () => {
    const input: IamOperations['CreateUser']['input'] = { UserName: 'bob', Tags: [{ Key: 'k', Value: 'v' }] };
    const req: CreateUserRequest = input;
    const none: IamOperations['DeleteUser']['output'] = {};
    const out: StsOperations['GetCallerIdentity']['output'] = { Account: '123456789012' };
    const org: OrganizationsOperations['DescribeAccount']['output'] = {
      Account: { JoinedTimestamp: new Date(), Status: 'ACTIVE' },
    };
    const op: IamOperationName = 'ListUsers';
    // @ts-expect-error: UserName is required
    const missing: CreateUserRequest = {};
    // @ts-expect-error: not an enum value
    const badStatus: IamOperations['UpdateAccessKey']['input'] = { AccessKeyId: 'a', Status: 'Disabled' };
    expect([req, none, out, org, op, missing, badStatus]).toHaveLength(7);
  });
});
