import { describe, expect, it } from 'vitest';
import { ModeledAwsError } from '../errors.js';
import { loadModel } from '../model.js';
import { validateInput } from '../validate.js';

const orgs = loadModel('organizations');
const failure = (op: string, input: unknown) => {
  const err = validateInput(orgs, op, input);
  expect(err).toBeInstanceOf(ModeledAwsError);
  return { code: err!.code, message: err!.message, ...(err as ModeledAwsError).fields };
};

describe("Organizations' InvalidInputException for model constraints (AWS's reason sentences, not botocore's wording)", () => {
  it('an enum value outside the set: "You specified an invalid value.", INVALID_ENUM', () => {
    expect(failure('ListPolicies', { Filter: 'NOT_A_TYPE' })).toEqual({
      code: 'InvalidInputException',
      message: 'You specified an invalid value.',
      Reason: 'INVALID_ENUM',
    });
  });

  it('a value off its pattern: "You provided a value that does not match the required pattern.", INVALID_PATTERN', () => {
    expect(failure('DescribeAccount', { AccountId: '12' })).toEqual({
      code: 'InvalidInputException',
      message: 'You provided a value that does not match the required pattern.',
      Reason: 'INVALID_PATTERN',
    });
  });

  it('required, length and range failures carry their own Reason and sentence', () => {
    expect(failure('DescribeAccount', {})).toMatchObject({
      Reason: 'INPUT_REQUIRED',
      message: 'You must include a value for all required parameters.',
    });
    expect(failure('ListAccounts', { MaxResults: 21 })).toMatchObject({
      Reason: 'MAX_VALUE_EXCEEDED',
      message: 'You provided a numeric parameter that has a larger value than allowed.',
    });
    expect(failure('ListAccounts', { MaxResults: 0 })).toMatchObject({
      Reason: 'MIN_VALUE_EXCEEDED',
      message: 'You provided a numeric parameter that has a smaller value than allowed.',
    });
    expect(failure('CreateOrganizationalUnit', { ParentId: 'r-abcd', Name: '' })).toMatchObject({
      Reason: 'MIN_LENGTH_EXCEEDED',
    });
    expect(failure('CreateOrganizationalUnit', { ParentId: 'r-abcd', Name: 'x'.repeat(129) })).toMatchObject({
      Reason: 'MAX_LENGTH_EXCEEDED',
      message: 'You provided a string parameter that is longer than allowed.',
    });
  });

  it('reports only the first failure, as AWS does', () => {
    expect(failure('ListChildren', { ParentId: 'bad id', ChildType: 'NOPE' })).toMatchObject({
      Reason: 'INVALID_PATTERN',
    });
  });
});
