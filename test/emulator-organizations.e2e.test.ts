import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  ListAccountsCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  type OrganizationsClient,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from './support/organizations.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

// Each relaxation twice: AWS's answer on a plain Ward, moto's with --emulator (the default caller, any key).
let emu: OrganizationsClient;
let strict: OrganizationsClient;
let wards: TestWard[] = [];
beforeAll(async () => {
  wards = await Promise.all([startTestWard({ emulator: true }), startTestWard()]);
  emu = orgs(wards[0]!, { accessKeyId: 'testing', secretAccessKey: 'testing' });
  strict = orgs(wards[1]!);
  await Promise.all([emu, strict].map((c) => c.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))));
});
afterAll(() => Promise.all(wards.map((w) => w.close())));

const scp = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
const newScp = (c: OrganizationsClient, name: string) =>
  c.send(new CreatePolicyCommand({ Name: name, Description: 'd', Type: 'SERVICE_CONTROL_POLICY', Content: scp }));

describe('emulator mode: Organizations', () => {
  it('AWS answers CreateAccount IN_PROGRESS without an AccountId; with --emulator SUCCEEDED with it, describable at once', async () => {
    const aws = await strict.send(new CreateAccountCommand({ AccountName: 'a', Email: 'a@example.com' }));
    expect(aws.CreateAccountStatus?.State).toBe('IN_PROGRESS');
    expect(aws.CreateAccountStatus?.AccountId).toBeUndefined();

    const moto = await emu.send(new CreateAccountCommand({ AccountName: 'a', Email: 'a@example.com' }));
    expect(moto.CreateAccountStatus?.State).toBe('SUCCEEDED');
    const accountId = moto.CreateAccountStatus?.AccountId;
    expect(accountId).toMatch(/^\d{12}$/);
    expect((await emu.send(new DescribeAccountCommand({ AccountId: accountId! }))).Account?.Email).toBe(
      'a@example.com',
    );
  });

  it('AWS fails a second account with the same email (EMAIL_ALREADY_EXISTS); --emulator creates it', async () => {
    const aws = await strict.send(new CreateAccountCommand({ AccountName: 'b', Email: 'A@example.com' }));
    const awsStatus = await strict.send(
      new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: aws.CreateAccountStatus!.Id! }),
    );
    expect(awsStatus.CreateAccountStatus).toMatchObject({ State: 'FAILED', FailureReason: 'EMAIL_ALREADY_EXISTS' });

    const moto = await emu.send(new CreateAccountCommand({ AccountName: 'b', Email: 'A@example.com' }));
    expect(moto.CreateAccountStatus?.State).toBe('SUCCEEDED');
  });

  it('AWS refuses AttachPolicy of a type not enabled (PolicyTypeNotEnabledException); --emulator attaches it', async () => {
    const rootOf = async (c: OrganizationsClient) => (await c.send(new ListRootsCommand({}))).Roots![0]!.Id!;
    const awsPolicy = await newScp(strict, 'p');
    const awsRoot = await rootOf(strict);
    const refused = await caught(() =>
      strict.send(new AttachPolicyCommand({ PolicyId: awsPolicy.Policy!.PolicySummary!.Id!, TargetId: awsRoot })),
    );
    expect(refused.name).toBe('PolicyTypeNotEnabledException');

    const motoPolicy = await newScp(emu, 'p');
    await emu.send(
      new AttachPolicyCommand({ PolicyId: motoPolicy.Policy!.PolicySummary!.Id!, TargetId: await rootOf(emu) }),
    );
  });

  it('AWS refuses UpdatePolicy with content that is no policy (MalformedPolicyDocumentException); --emulator stores it', async () => {
    const awsPolicy = await newScp(strict, 'q');
    const refused = await caught(() =>
      strict.send(new UpdatePolicyCommand({ PolicyId: awsPolicy.Policy!.PolicySummary!.Id!, Content: 'junk' })),
    );
    expect(refused.name).toBe('MalformedPolicyDocumentException');

    const motoPolicy = await newScp(emu, 'q');
    const updated = await emu.send(
      new UpdatePolicyCommand({ PolicyId: motoPolicy.Policy!.PolicySummary!.Id!, Content: 'junk' }),
    );
    expect(updated.Policy?.Content).toBe('junk');
  });
});

describe('emulator mode: Organizations lists in creation order', () => {
  // One frozen instant for every call: the case of calls within one millisecond, made certain.
  const frozen = new Date();
  const clock = () => new Date(frozen);
  const created = async (w: TestWard): Promise<{ created: string[]; listed: string[] }> => {
    const c = orgs(w);
    await c.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const s = await c.send(new CreateAccountCommand({ AccountName: `a${i}`, Email: `a${i}@example.com` }));
      const status = await c.send(
        new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: s.CreateAccountStatus!.Id! }),
      );
      ids.push(status.CreateAccountStatus!.AccountId!);
    }
    const listed = (await c.send(new ListAccountsCommand({})))
      .Accounts!.map((a) => a.Id!)
      .filter((id) => ids.includes(id));
    return { created: ids, listed };
  };

  it('AWS orders by creation time only: accounts created within one millisecond come in no set order (Ward: by ID)', async () => {
    const w = await startTestWard({ clock });
    try {
      const { created: ids, listed } = await created(w);
      expect(listed).toEqual([...ids].sort());
    } finally {
      await w.close();
    }
  });

  it('with --emulator they are listed in the order they were created', async () => {
    const w = await startTestWard({ clock, emulator: true });
    try {
      const { created: ids, listed } = await created(w);
      expect(listed).toEqual(ids);
    } finally {
      await w.close();
    }
  });
});

describe('emulator mode: Organizations policies in creation order', () => {
  const names = async (c: OrganizationsClient) =>
    (await c.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' })))
      .Policies!.map((p) => p.Name!)
      .filter((n) => n === 'FullAWSAccess' || n.startsWith('order-'));

  it('AWS lists policies by name; with --emulator in the order they were created, FullAWSAccess first', async () => {
    for (const c of [emu, strict]) for (const n of ['order-zeta', 'order-alpha', 'order-mid']) await newScp(c, n);
    expect(await names(strict)).toEqual(['FullAWSAccess', 'order-alpha', 'order-mid', 'order-zeta']);
    expect(await names(emu)).toEqual(['FullAWSAccess', 'order-zeta', 'order-alpha', 'order-mid']);
  });
});
