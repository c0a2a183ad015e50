// JSON 1.1 codecs against the real @aws-sdk/client-organizations serializer and deserializer.
import {
  AccountNotFoundException,
  CreateAccountCommand,
  DescribeAccountCommand,
  InvalidInputException,
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationsError } from './errors.js';
import { loadModel } from './model.js';
import { clientConfig, startTestEndpoint } from './test-endpoint.js';
import type { TestEndpoint } from './test-endpoint.js';

const joined = new Date('2024-01-02T03:04:05.250Z');
const account = {
  Id: '123456789012',
  Arn: 'arn:aws:organizations::111111111111:account/o-abcdefghij/123456789012',
  Email: 'dev@example.com',
  Name: 'dev <"quoted">',
  Status: 'ACTIVE',
  JoinedMethod: 'CREATED',
  JoinedTimestamp: joined,
};

describe('Organizations through @aws-sdk/client-organizations', () => {
  let endpoint: TestEndpoint;
  let client: OrganizationsClient;
  beforeAll(async () => {
    endpoint = await startTestEndpoint(loadModel('organizations'), (op, input) => {
      const i = input as Record<string, any>;
      switch (op) {
        case 'DescribeAccount':
          if (i.AccountId === '999999999999') {
            throw organizationsError('AccountNotFoundException', "You specified an account that doesn't exist.");
          }
          return { Account: account };
        case 'ListAccounts':
          return { Accounts: [account, { ...account, Id: '210987654321' }], NextToken: 'tok' };
        case 'CreateAccount':
          return {
            CreateAccountStatus: {
              Id: 'car-abcdefgh',
              AccountName: i.AccountName,
              State: 'IN_PROGRESS',
              RequestedTimestamp: joined,
            },
          };
        default:
          return {};
      }
    });
    client = new OrganizationsClient(clientConfig(endpoint));
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
  });

  it('DescribeAccount: the target header routes, JoinedTimestamp comes back a Date', async () => {
    const out = await client.send(new DescribeAccountCommand({ AccountId: '123456789012' }));
    expect(endpoint.calls.at(-1)).toEqual({ operation: 'DescribeAccount', input: { AccountId: '123456789012' } });
    expect(out.Account).toEqual(account);
    expect(out.Account?.JoinedTimestamp).toBeInstanceOf(Date);
  });

  it('ListAccounts: lists and NextToken', async () => {
    const out = await client.send(new ListAccountsCommand({ MaxResults: 2 }));
    expect(endpoint.calls.at(-1)?.input).toEqual({ MaxResults: 2 });
    expect(out.Accounts?.map((a) => a.Id)).toEqual(['123456789012', '210987654321']);
    expect(out.NextToken).toBe('tok');
  });

  it('CreateAccount: nested input lists decode', async () => {
    const out = await client.send(
      new CreateAccountCommand({ Email: 'new@example.com', AccountName: 'new', Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    expect(endpoint.calls.at(-1)?.input).toEqual({
      Email: 'new@example.com',
      AccountName: 'new',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect(out.CreateAccountStatus).toEqual({
      Id: 'car-abcdefgh',
      AccountName: 'new',
      State: 'IN_PROGRESS',
      RequestedTimestamp: joined,
    });
  });

  it('modeled errors become the SDK exception class with its message', async () => {
    const err = await client.send(new DescribeAccountCommand({ AccountId: '999999999999' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccountNotFoundException);
    expect((err as Error).name).toBe('AccountNotFoundException');
    expect((err as Error).message).toBe("You specified an account that doesn't exist.");
    expect((err as AccountNotFoundException).$metadata.httpStatusCode).toBe(400);
  });

  it('validation errors are InvalidInputException with a Reason', async () => {
    const err = await client.send(new ListAccountsCommand({ MaxResults: 50 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputException);
    const e = err as InvalidInputException;
    expect(e.Reason).toBe('MAX_VALUE_EXCEEDED');
    // AWS's sentence for the reason, not botocore's "1 validation error detected" wording.
    expect(e.message).toBe('You provided a numeric parameter that has a larger value than allowed.');
  });
});
