import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetGroupPolicyCommand,
  GetUserPolicyCommand,
  ListGroupPoliciesCommand,
  ListUserPoliciesCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, policyOfSize } from './support/policies.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
  const iam = t.iam();
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'devs' }));
});
afterAll(() => t.close());

describe('inline user policies', () => {
  it('puts, reads, lists and deletes an inline policy', async () => {
    const iam = t.iam();
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'bob' }))).PolicyNames).toEqual([]);
    const document = allow('s3:GetObject', 's3:ListBucket');
    await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'ReadS3', PolicyDocument: document }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'Alpha', PolicyDocument: allow('sqs:*') }));

    const got = await iam.send(new GetUserPolicyCommand({ UserName: 'BOB', PolicyName: 'ReadS3' }));
    expect(got.UserName).toBe('bob');
    expect(got.PolicyName).toBe('ReadS3');
    // The SDK hands over the URL-encoded document; decoding gives back the text as submitted.
    expect(got.PolicyDocument).not.toBe(document);
    expect(got.PolicyDocument).toMatch(/^%7B%0A/);
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(document);

    const listed = await iam.send(new ListUserPoliciesCommand({ UserName: 'bob' }));
    expect(listed.PolicyNames).toEqual(['Alpha', 'ReadS3']);
    expect(listed.IsTruncated).toBe(false);
    const page = await iam.send(new ListUserPoliciesCommand({ UserName: 'bob', MaxItems: 1 }));
    expect(page).toMatchObject({ PolicyNames: ['Alpha'], IsTruncated: true });
    expect(
      (await iam.send(new ListUserPoliciesCommand({ UserName: 'bob', Marker: page.Marker! }))).PolicyNames,
    ).toEqual(['ReadS3']);

    // Putting a policy of the same name replaces it.
    await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'ReadS3', PolicyDocument: allow('s3:*') }));
    expect(
      decodeURIComponent(
        (await iam.send(new GetUserPolicyCommand({ UserName: 'bob', PolicyName: 'ReadS3' }))).PolicyDocument!,
      ),
    ).toBe(allow('s3:*'));

    await iam.send(new DeleteUserPolicyCommand({ UserName: 'bob', PolicyName: 'Alpha' }));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'bob' }))).PolicyNames).toEqual(['ReadS3']);
  });

  it('encodes every reserved character so decodeURIComponent restores the document', async () => {
    const iam = t.iam();
    const document = `{"Version":"2012-10-17","Statement":[{"Sid":"Odd","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/a+b c&d=e?f#g%h!i'j(k)l*m~n\\u00e9é"}]}`;
    await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'Odd', PolicyDocument: document }));
    const encoded = (await iam.send(new GetUserPolicyCommand({ UserName: 'bob', PolicyName: 'Odd' }))).PolicyDocument!;
    expect(encoded).not.toMatch(/[ +&=?#!'()*]/);
    expect(decodeURIComponent(encoded)).toBe(document);
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'bob', PolicyName: 'Odd' }));
  });

  it('answers NoSuchEntity for a missing policy or user', async () => {
    const iam = t.iam();
    const missing = await caught(() => iam.send(new GetUserPolicyCommand({ UserName: 'bob', PolicyName: 'Nope' })));
    expect(missing.Code).toBe('NoSuchEntity');
    expect(missing.message).toBe('The user policy with name Nope cannot be found.');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    const del = await caught(() => iam.send(new DeleteUserPolicyCommand({ UserName: 'bob', PolicyName: 'Nope' })));
    expect(del.message).toBe('The user policy with name Nope cannot be found.');
    const noUser = await caught(() =>
      iam.send(new PutUserPolicyCommand({ UserName: 'ghost', PolicyName: 'P', PolicyDocument: allow('s3:*') })),
    );
    expect(noUser.message).toBe('The user with name ghost cannot be found.');
  });

  it('refuses malformed documents', async () => {
    const err = await caught(() =>
      t.iam().send(
        new PutUserPolicyCommand({
          UserName: 'bob',
          PolicyName: 'Bad',
          PolicyDocument:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"bucket"}]}',
        }),
      ),
    );
    expect(err.Code).toBe('MalformedPolicyDocument');
    expect(err.message).toBe('Resource bucket must be in ARN format or "*".');
  });

  it('holds all of a user’s inline policies together to 2048 characters, whitespace not counted', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'Half', PolicyDocument: policyOfSize(1024) }),
    );
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'Other', PolicyDocument: policyOfSize(1024) }),
    );
    const err = await caught(() =>
      iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'Third', PolicyDocument: policyOfSize(200) })),
    );
    expect(err.Code).toBe('LimitExceeded');
    expect(err.message).toBe('Maximum policy size of 2048 bytes exceeded for user carol');
    expect(err.$metadata?.httpStatusCode).toBe(409);
    // Replacing a policy counts the new text instead of the old.
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'Other', PolicyDocument: policyOfSize(900) }),
    );
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'Third', PolicyDocument: policyOfSize(124) }),
    );
    const single = await caught(() =>
      iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'Huge', PolicyDocument: policyOfSize(2100) })),
    );
    expect(single.message).toBe('Maximum policy size of 2048 bytes exceeded for user bob');
  });
});

describe('inline group policies', () => {
  it('puts, reads, lists and deletes an inline group policy', async () => {
    const iam = t.iam();
    const document = allow('ec2:Describe*');
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'Describe', PolicyDocument: document }));
    const got = await iam.send(new GetGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'Describe' }));
    expect(got).toMatchObject({ GroupName: 'devs', PolicyName: 'Describe' });
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(document);
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'devs' }))).PolicyNames).toEqual(['Describe']);

    const missing = await caught(() => iam.send(new GetGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'Nope' })));
    expect(missing.Code).toBe('NoSuchEntity');
    expect(missing.message).toBe('The group policy with name Nope cannot be found.');
    const noGroup = await caught(() => iam.send(new ListGroupPoliciesCommand({ GroupName: 'ghosts' })));
    expect(noGroup.message).toBe('The group with name ghosts cannot be found.');
  });

  it('holds a group’s inline policies together to 5120 characters', async () => {
    const iam = t.iam();
    await iam.send(new CreateGroupCommand({ GroupName: 'big' }));
    await iam.send(
      new PutGroupPolicyCommand({ GroupName: 'big', PolicyName: 'A', PolicyDocument: policyOfSize(5000) }),
    );
    const err = await caught(() =>
      iam.send(new PutGroupPolicyCommand({ GroupName: 'big', PolicyName: 'B', PolicyDocument: policyOfSize(121) })),
    );
    expect(err.Code).toBe('LimitExceeded');
    expect(err.message).toBe('Maximum policy size of 5120 bytes exceeded for group big');
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'big', PolicyName: 'B', PolicyDocument: policyOfSize(120) }));
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'big', PolicyName: 'A' }));
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'big', PolicyName: 'B' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'big' }));
  });
});

describe('deleting entities that still have policies', () => {
  it('refuses to delete a user with inline policies, and reports them before access keys', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'dave', PolicyName: 'P', PolicyDocument: allow('s3:*') }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }));
    const err = await caught(() => iam.send(new DeleteUserCommand({ UserName: 'dave' })));
    expect(err.Code).toBe('DeleteConflict');
    expect(err.message).toBe('Cannot delete entity, must delete policies first.');
    expect(err.$metadata?.httpStatusCode).toBe(409);
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'dave', PolicyName: 'P' }));
    const keys = await caught(() => iam.send(new DeleteUserCommand({ UserName: 'dave' })));
    expect(keys.message).toBe('Cannot delete entity, must delete access keys first.');
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'dave', AccessKeyId: key.AccessKey!.AccessKeyId! }));
    await iam.send(new DeleteUserCommand({ UserName: 'dave' }));
  });

  it('refuses to delete a group with inline policies', async () => {
    const iam = t.iam();
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'bob' }));
    const members = await caught(() => iam.send(new DeleteGroupCommand({ GroupName: 'devs' })));
    expect(members.message).toBe('Cannot delete entity, must remove users from group first.');
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devs', UserName: 'bob' }));
    const err = await caught(() => iam.send(new DeleteGroupCommand({ GroupName: 'devs' })));
    expect(err.Code).toBe('DeleteConflict');
    expect(err.message).toBe('Cannot delete entity, must delete policies first.');
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'Describe' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'devs' }));
  });
});
