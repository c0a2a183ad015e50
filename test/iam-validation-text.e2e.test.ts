/**
 * IAM's validation texts as AWS gives them (issue 15, section 1), over real HTTP with
 * @aws-sdk/client-iam: an invalid path gets IAM's own sentence, tag members are named without their
 * value, and several errors are listed in the order the request names the members.
 */
import {
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  type IAMClient,
  ListRolesCommand,
  ListUsersCommand,
  TagRoleCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

const PATH_TEXT = 'It must begin and end with / and contain only alphanumeric characters and/or / characters.';
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

async function validationError(call: Promise<unknown>): Promise<[string, string, number | undefined]> {
  const err = await caught(() => call);
  return [err.name, err.message, err.$metadata?.httpStatusCode];
}

/**
 * The SDK sends a structure's members in model order (CreateUser: Path before UserName); a client
 * that names them otherwise (botocore sends them in the caller's order) is imitated by moving the
 * named parameters to the front of the body before it is signed.
 */
function sendingFirst(iam: IAMClient, ...first: string[]): IAMClient {
  iam.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown };
      if (typeof request.body === 'string') {
        const params = new URLSearchParams(request.body);
        const reordered = new URLSearchParams();
        for (const name of first) for (const v of params.getAll(name)) reordered.append(name, v);
        for (const [k, v] of params) if (!first.includes(k)) reordered.append(k, v);
        request.body = reordered.toString();
      }
      return next(args);
    },
    { step: 'build', name: 'sendMembersFirst' },
  );
  return iam;
}

describe('IAM path errors', () => {
  it('a path that does not begin and end with / is ValidationError with IAM sentence naming path', async () => {
    const iam = t.iam();
    const expected = ['ValidationError', `The specified value for path is invalid. ${PATH_TEXT}`, 400];
    expect(
      await validationError(
        iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: trust, Path: '/root' })),
      ),
    ).toEqual(expected);
    expect(
      await validationError(
        iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: trust, Path: 'test/' })),
      ),
    ).toEqual(expected);
    expect(await validationError(iam.send(new CreateUserCommand({ UserName: 'u1', Path: 'bad' })))).toEqual(expected);
    expect(await validationError(iam.send(new CreateGroupCommand({ GroupName: 'g1', Path: '/a b/' })))).toEqual(
      expected,
    );
  });

  it('UpdateUser names newPath', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'mover' }));
    expect(await validationError(iam.send(new UpdateUserCommand({ UserName: 'mover', NewPath: 'invalid' })))).toEqual([
      'ValidationError',
      `The specified value for newPath is invalid. ${PATH_TEXT}`,
      400,
    ]);
  });

  it('a list PathPrefix that does not begin with / has its own sentence', async () => {
    const iam = t.iam();
    const expected = [
      'ValidationError',
      'The specified value for pathPrefix is invalid. It must begin with the / character and contain only alphanumeric characters and/or / characters.',
      400,
    ];
    expect(await validationError(iam.send(new ListRolesCommand({ PathPrefix: 'invalid' })))).toEqual(expected);
    expect(await validationError(iam.send(new ListUsersCommand({ PathPrefix: 'invalid' })))).toEqual(expected);
  });

  it('an over-long path keeps the model length text, and the entity is not created', async () => {
    const iam = t.iam();
    const long = `/${'a'.repeat(512)}/`;
    expect(await validationError(iam.send(new CreateUserCommand({ UserName: 'u2', Path: long })))).toEqual([
      'ValidationError',
      "1 validation error detected: Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 512",
      400,
    ]);
    const users = (await iam.send(new ListUsersCommand({}))).Users ?? [];
    expect(users.map((u) => u.UserName)).not.toContain('u2');
  });
});

describe('tag validation messages', () => {
  it('name the member tags.N.member.key/value without echoing the value', async () => {
    const iam = t.iam();
    const key = 'k'.repeat(129);
    const err = await caught(() =>
      iam.send(new CreateUserCommand({ UserName: 'tagged', Tags: [{ Key: key, Value: 'v' }] })),
    );
    expect([err.name, err.message]).toEqual([
      'ValidationError',
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
    ]);

    await iam.send(new CreateRoleCommand({ RoleName: 'tag-target', AssumeRolePolicyDocument: trust }));
    const bad = await caught(() =>
      iam.send(
        new TagRoleCommand({
          RoleName: 'tag-target',
          Tags: [
            { Key: 'ok', Value: 'fine' },
            { Key: 'team', Value: 'Ops (EU)' },
          ],
        }),
      ),
    );
    expect(bad.message).toBe(
      "1 validation error detected: Value at 'tags.2.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
    );
    expect(bad.message).not.toContain('Ops (EU)');
  });
});

describe('several validation errors', () => {
  const userNameTooLong =
    "Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64";
  const pathTooLong = "Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 512";
  const input = { UserName: 'u'.repeat(65), Path: `/${'p'.repeat(512)}/` };

  it('are listed in the order the request names the members', async () => {
    const err = await caught(() => sendingFirst(t.iam(), 'UserName').send(new CreateUserCommand(input)));
    expect([err.name, err.message]).toEqual([
      'ValidationError',
      `2 validation errors detected: ${userNameTooLong}; ${pathTooLong}`,
    ]);
  });

  it('not in the order of the model: the same request naming Path first lists path first', async () => {
    const err = await caught(() => sendingFirst(t.iam(), 'Path').send(new CreateUserCommand(input)));
    expect(err.message).toBe(`2 validation errors detected: ${pathTooLong}; ${userNameTooLong}`);
  });
});
