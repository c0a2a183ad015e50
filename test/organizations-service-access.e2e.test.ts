import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  DeregisterDelegatedAdministratorCommand,
  DescribeCreateAccountStatusCommand,
  DisableAWSServiceAccessCommand,
  EnableAWSServiceAccessCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from './support/organizations.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
let member = '';
/** Ward's clock runs this far ahead of the wall clock (within SigV4's 15-minute skew). */
let offsetMs = 0;

beforeAll(async () => {
  t = await startTestWard({ clock: () => new Date(Date.now() + offsetMs) });
  await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const car = (await orgs(t).send(new CreateAccountCommand({ Email: 'tools@example.com', AccountName: 'tools' })))
    .CreateAccountStatus!.Id!;
  member = (await orgs(t).send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: car })))
    .CreateAccountStatus!.AccountId!;
});
afterAll(() => t.close());

const UNRECOGNIZED = 'You specified an unrecognized service principal.';

describe('service principals AWS does not list as working with Organizations', () => {
  it('Enable/DisableAWSServiceAccess refuse them: InvalidInputException UNRECOGNIZED_SERVICE_PRINCIPAL', async () => {
    for (const send of [
      () => orgs(t).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'nosuchservice.amazonaws.com' })),
      () => orgs(t).send(new DisableAWSServiceAccessCommand({ ServicePrincipal: 'nosuchservice.amazonaws.com' })),
    ]) {
      const err = await caught(send);
      expect(err.name).toBe('InvalidInputException');
      expect(err.message).toBe(UNRECOGNIZED);
      expect((err as { Reason?: string }).Reason).toBe('UNRECOGNIZED_SERVICE_PRINCIPAL');
    }
    expect((await orgs(t).send(new ListAWSServiceAccessForOrganizationCommand({}))).EnabledServicePrincipals).toEqual(
      [],
    );
  });

  it('Register/Deregister/ListDelegatedAdministrator(s) refuse them too', async () => {
    for (const send of [
      () =>
        orgs(t).send(
          new RegisterDelegatedAdministratorCommand({ AccountId: member, ServicePrincipal: 'ec2.amazonaws.com' }),
        ),
      () =>
        orgs(t).send(
          new DeregisterDelegatedAdministratorCommand({ AccountId: member, ServicePrincipal: 'ec2.amazonaws.com' }),
        ),
      () => orgs(t).send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'ec2.amazonaws.com' })),
    ]) {
      const err = await caught(send);
      expect(err.name).toBe('InvalidInputException');
      expect(err.message).toBe(UNRECOGNIZED);
    }
  });

  it('listed principals work: a delegated administrator for GuardDuty is registered and deregistered', async () => {
    await orgs(t).send(
      new RegisterDelegatedAdministratorCommand({ AccountId: member, ServicePrincipal: 'guardduty.amazonaws.com' }),
    );
    const admins = await orgs(t).send(
      new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'guardduty.amazonaws.com' }),
    );
    expect(admins.DelegatedAdministrators?.map((a) => a.Id)).toEqual([member]);
    await orgs(t).send(
      new DeregisterDelegatedAdministratorCommand({ AccountId: member, ServicePrincipal: 'guardduty.amazonaws.com' }),
    );
    expect((await orgs(t).send(new ListDelegatedAdministratorsCommand({}))).DelegatedAdministrators).toEqual([]);
  });
});

describe('EnableAWSServiceAccess for a service already enabled', () => {
  it('changes nothing: the service keeps its original DateEnabled', async () => {
    await orgs(t).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    const first = (await orgs(t).send(new ListAWSServiceAccessForOrganizationCommand({}))).EnabledServicePrincipals!;
    expect(first.map((s) => s.ServicePrincipal)).toEqual(['sso.amazonaws.com']);
    // Ten minutes later by Ward's clock, the same call again.
    offsetMs = 10 * 60_000;
    await orgs(t).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    const again = (await orgs(t).send(new ListAWSServiceAccessForOrganizationCommand({}))).EnabledServicePrincipals!;
    expect(again).toEqual(first);
    // Disabled and enabled afresh, it is a new enablement with a new date.
    await orgs(t).send(new DisableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    await orgs(t).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    const fresh = (await orgs(t).send(new ListAWSServiceAccessForOrganizationCommand({}))).EnabledServicePrincipals!;
    expect(fresh[0]!.DateEnabled!.getTime()).toBeGreaterThan(first[0]!.DateEnabled!.getTime());
    offsetMs = 0;
  });
});
