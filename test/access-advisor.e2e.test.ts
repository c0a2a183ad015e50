import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy, userWithKey } from './support/users.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('access advisor: service last accessed, from the recorded calls', () => {
  it('lists the services a user’s policies grant, with when and where it last used each', async () => {
    const ann = await userWithKey(t, 'ann', {
      Mixed: policy({
        Effect: 'Allow',
        Action: ['iam:ListUsers', 's3:GetObject', 'sts:GetCallerIdentity'],
        Resource: '*',
      }),
    });
    // IAM is signed for its global endpoint's us-east-1; STS is regional.
    await t.iam(ann).send(new ListUsersCommand({}));
    await t.sts(ann, { region: 'eu-central-1' }).send(new GetCallerIdentityCommand({}));
    await t.ward.flush();
    const arn = `arn:aws:iam::${t.accountId}:user/ann`;
    const { JobId } = await t.iam().send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn }));
    expect(JobId).toMatch(/^[0-9a-f-]{36}$/);
    const report = await t.iam().send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    expect(report.JobStatus).toBe('COMPLETED');
    const byNamespace = Object.fromEntries(report.ServicesLastAccessed!.map((s) => [s.ServiceNamespace, s]));
    expect(Object.keys(byNamespace).sort()).toEqual(['iam', 's3', 'sts']);
    expect(byNamespace.iam).toMatchObject({
      ServiceName: 'AWS Identity and Access Management (IAM)',
      LastAuthenticatedEntity: arn,
      LastAuthenticatedRegion: 'us-east-1',
      TotalAuthenticatedEntities: 1,
    });
    expect(byNamespace.sts).toMatchObject({ LastAuthenticatedRegion: 'eu-central-1' });
    expect(byNamespace.iam!.LastAuthenticated).toBeInstanceOf(Date);
    expect(byNamespace.s3!.LastAuthenticated).toBeUndefined();
    expect(byNamespace.s3!.TotalAuthenticatedEntities).toBe(0);
  });

  it('a group’s report counts its members', async () => {
    await t.iam().send(new CreateGroupCommand({ GroupName: 'advised' }));
    await t.iam().send(new AddUserToGroupCommand({ GroupName: 'advised', UserName: 'ann' }));
    const { JobId } = await t
      .iam()
      .send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${t.accountId}:group/advised` }));
    const report = await t.iam().send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    expect(report.ServicesLastAccessed!.find((s) => s.ServiceNamespace === 'iam')?.TotalAuthenticatedEntities).toBe(1);
  });

  it('an unknown job is NoSuchEntity', async () => {
    const err = await caught(() =>
      t.iam().send(new GetServiceLastAccessedDetailsCommand({ JobId: '00000000-0000-0000-0000-000000000000' })),
    );
    expect(err.Code).toBe('NoSuchEntity');
  });
});
