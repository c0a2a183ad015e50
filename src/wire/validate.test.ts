import { describe, expect, it } from 'vitest';
import { ModeledAwsError } from './errors.js';
import { loadModel } from './model.js';
import { collectValidationIssues, validateInput } from './validate.js';

const iam = loadModel('iam');
const sts = loadModel('sts');
const orgs = loadModel('organizations');
const account = loadModel('account');

function message(model: typeof iam, op: string, input: unknown): string | undefined {
  return validateInput(model, op, input)?.message;
}

describe('validateInput: Query services (ValidationError)', () => {
  it('accepts valid input', () => {
    expect(
      validateInput(iam, 'CreateUser', { UserName: 'bob', Tags: [{ Key: 'env', Value: 'prod' }] }),
    ).toBeUndefined();
    expect(validateInput(iam, 'ListUsers', {})).toBeUndefined();
  });

  it('reports a pattern failure with the Java pattern verbatim, without echoing the value (IAM)', () => {
    const err = validateInput(iam, 'CreateUser', { UserName: 'bob!' });
    expect(err?.code).toBe('ValidationError');
    expect(err?.status).toBe(400);
    expect(err?.fault).toBe('Sender');
    expect(err?.message).toBe(
      "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it('reports a missing required member', () => {
    expect(message(iam, 'CreateUser', {})).toBe(
      "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports string length bounds, counting code points', () => {
    expect(message(iam, 'CreateUser', { UserName: 'a'.repeat(65) })).toBe(
      `1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
    // 128 astral characters are 256 UTF-16 units but only 128 code points: within tagKeyType's max of 128.
    const astral = '\u{1D400}'.repeat(128);
    expect(
      collectValidationIssues(iam, 'TagUser', { UserName: 'bob', Tags: [{ Key: astral, Value: '' }] }).map(
        (i) => i.kind,
      ),
    ).toEqual([]);
  });

  it('reports both a length and a pattern failure for the same value', () => {
    expect(message(iam, 'CreateUser', { UserName: '' })).toBe(
      "2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it('reports numeric ranges without echoing the number (IAM/STS style)', () => {
    expect(message(iam, 'ListUsers', { MaxItems: 1001 })).toBe(
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    expect(message(iam, 'ListUsers', { MaxItems: 0 })).toBe(
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it("reports IAM's enum failures without the value or the value set, as AWS records them", () => {
    // AWS (2025) for UpdateServiceSpecificCredential Status=Invalid: "Value at 'status' … enum value set".
    expect(message(iam, 'UpdateAccessKey', { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Disabled' })).toBe(
      "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    );
  });

  it('uses list.N.member.key paths for members of list items without echoing tags, and joins several errors with "; "', () => {
    const err = validateInput(iam, 'TagUser', {
      UserName: 'bob',
      Tags: [{ Key: 'ok', Value: 'fine' }, { Key: 'k', Value: 'bad<value>' }, { Value: 'x' }],
    });
    expect(err?.message).toBe(
      '2 validation errors detected: ' +
        "Value at 'tags.2.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*; " +
        "Value null at 'tags.3.member.key' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports list length without the list (IAM)', () => {
    const keys = Array.from({ length: 51 }, (_, i) => `k${i}`);
    const issues = collectValidationIssues(iam, 'UntagUser', { UserName: 'bob', TagKeys: keys });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe(
      "Value at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(collectValidationIssues(iam, 'TagUser', { UserName: 'bob', Tags: tags })[0]?.message).toBe(
      "Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  });

  it('validates nested STS structures (policyArns.N.member.arn) and ranges; STS echoes strings', () => {
    const issues = collectValidationIssues(sts, 'AssumeRole', {
      RoleArn: 'arn:aws:iam::123456789012:role/dev',
      RoleSessionName: 'has space',
      DurationSeconds: 60,
      PolicyArns: [{ arn: 'short' }],
    });
    expect(issues.map((i) => i.message)).toEqual([
      "Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      "Value at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      "Value 'short' at 'policyArns.1.member.arn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    ]);
  });

  it('lists several errors in the order the input names the members, missing required ones last', () => {
    const long = '/' + 'a'.repeat(512) + '/';
    expect(message(iam, 'CreateUser', { UserName: 'u'.repeat(65), Path: long })).toBe(
      "2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64; " +
        "Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 512",
    );
    expect(message(iam, 'CreateUser', { Path: long, UserName: 'u'.repeat(65) })).toBe(
      "2 validation errors detected: Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 512; " +
        "Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64",
    );
    expect(message(iam, 'CreateUser', { Path: long })).toBe(
      "2 validation errors detected: Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 512; " +
        "Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
  });

  describe("IAM's own sentence for an invalid path", () => {
    const pathText = (member: string) =>
      `The specified value for ${member} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`;
    const prefixText =
      'The specified value for pathPrefix is invalid. It must begin with the / character and contain only alphanumeric characters and/or / characters.';

    it('names path or newPath for the entities, pathPrefix for the lists', () => {
      for (const [op, input] of [
        ['CreateUser', { UserName: 'u', Path: '/root' }],
        ['CreateGroup', { GroupName: 'g', Path: 'test/' }],
        ['CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: '{}', Path: '/a b/' }],
        ['CreateInstanceProfile', { InstanceProfileName: 'p', Path: 'x' }],
        ['CreateVirtualMFADevice', { VirtualMFADeviceName: 'm', Path: 'test' }],
        ['CreatePolicy', { PolicyName: 'p', PolicyDocument: '{}', Path: '/no-end' }],
      ] as const) {
        const err = validateInput(iam, op, input);
        expect([op, err?.code, err?.status, err?.message]).toEqual([op, 'ValidationError', 400, pathText('path')]);
      }
      expect(message(iam, 'UpdateUser', { UserName: 'u', NewPath: 'invalid' })).toBe(pathText('newPath'));
      expect(message(iam, 'UpdateGroup', { GroupName: 'g', NewPath: 'invalid' })).toBe(pathText('newPath'));
      for (const op of ['ListUsers', 'ListRoles', 'ListGroups', 'ListInstanceProfiles', 'ListPolicies']) {
        expect([op, message(iam, op, { PathPrefix: 'invalid' })]).toEqual([op, prefixText]);
      }
      expect(message(iam, 'ListAttachedRolePolicies', { RoleName: 'r', PathPrefix: 'invalid' })).toBe(prefixText);
      expect(
        message(iam, 'ListEntitiesForPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', PathPrefix: 'x' }),
      ).toBe(prefixText);
    });

    it('accepts valid paths and prefixes', () => {
      expect(validateInput(iam, 'CreateUser', { UserName: 'u', Path: '/' })).toBeUndefined();
      expect(
        validateInput(iam, 'CreateUser', { UserName: 'u', Path: '/division_abc/subdivision_xyz/' }),
      ).toBeUndefined();
      expect(validateInput(iam, 'ListUsers', { PathPrefix: '/division' })).toBeUndefined();
    });

    it('gives way to the model text for length, and to any other member error', () => {
      expect(message(iam, 'CreateUser', { UserName: 'u', Path: '/' + 'a'.repeat(512) })).toBe(
        "1 validation error detected: Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 512",
      );
      expect(message(iam, 'CreateUser', { UserName: 'bad name', Path: 'bad' })).toBe(
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      );
    });

    it('is listed with the other issues, and is IAM only', () => {
      expect(collectValidationIssues(iam, 'CreateUser', { UserName: 'u', Path: 'bad' })).toEqual([
        { kind: 'pattern', path: 'path', message: pathText('path') },
      ]);
      expect(
        validateInput(sts, 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/dev', RoleSessionName: 's s' })
          ?.message,
      ).toContain('Member must satisfy regular expression pattern');
    });
  });

  it('never echoes sensitive values', () => {
    const err = validateInput(iam, 'CreateLoginProfile', { UserName: 'bob', Password: 'sëcret\u0001' });
    expect(err?.message).toBe(
      "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    );
    expect(err?.message).not.toContain('sëcret');
  });

  it('ignores unknown operations and non-object input gracefully', () => {
    expect(validateInput(iam, 'NoSuchOp', {})).toBeUndefined();
    expect(message(iam, 'CreateUser', undefined)).toContain("Value null at 'userName'");
  });
});

describe('validateInput: JSON services', () => {
  it("uses Organizations' InvalidInputException with a Reason and the reason's sentence (json/organizations-invalid-input.test.ts)", () => {
    const err = validateInput(orgs, 'ListAccounts', { MaxResults: 0 });
    expect(err).toBeInstanceOf(ModeledAwsError);
    expect(err?.code).toBe('InvalidInputException');
    expect(err?.status).toBe(400);
    expect(err?.message).toBe('You provided a numeric parameter that has a smaller value than allowed.');
    expect((err as ModeledAwsError).fields).toEqual({ Reason: 'MIN_VALUE_EXCEEDED' });
  });

  it('maps each constraint kind to an Organizations Reason', () => {
    const reason = (op: string, input: unknown) =>
      (validateInput(orgs, op, input) as ModeledAwsError | undefined)?.fields;
    expect(reason('DescribeAccount', {})).toEqual({ Reason: 'INPUT_REQUIRED' });
    expect(reason('DescribeAccount', { AccountId: '12' })).toEqual({ Reason: 'INVALID_PATTERN' });
    expect(reason('ListAccounts', { MaxResults: 21 })).toEqual({ Reason: 'MAX_VALUE_EXCEEDED' });
  });

  it("uses the Account service's ValidationException with its lower-case reason", () => {
    const err = validateInput(account, 'GetAlternateContact', { AlternateContactType: 'PERSONAL' });
    expect(err?.code).toBe('ValidationException');
    expect(err?.message).toBe(
      "1 validation error detected: Value 'PERSONAL' at 'alternateContactType' failed to satisfy constraint: Member must satisfy enum value set: [BILLING, OPERATIONS, SECURITY]",
    );
    expect((err as ModeledAwsError).fields).toEqual({ reason: 'fieldValidationFailed' });
  });
});
