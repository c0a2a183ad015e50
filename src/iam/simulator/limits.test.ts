import { describe, expect, it } from 'vitest';
import { isAwsError } from '../../shared/aws-error.js';
import { SIMULATION_LIMITS, checkSimulationLimits } from './limits.js';

const list = (n: number) => Array.from({ length: n }, (_, i) => `s3:Get${i}`);
const failure = (input: Parameters<typeof checkSimulationLimits>[0]) => {
  try {
    checkSimulationLimits(input);
  } catch (err) {
    if (isAwsError(err)) return { code: err.code, status: err.status, message: err.message };
    throw err;
  }
  return undefined;
};

describe('checkSimulationLimits', () => {
  it('accepts lists up to their caps, and absent lists', () => {
    expect(
      failure({ ActionNames: list(SIMULATION_LIMITS.actionNames), ResourceArns: list(SIMULATION_LIMITS.resourceArns) }),
    ).toBeUndefined();
    expect(failure({})).toBeUndefined();
  });

  it('answers ValidationError in AWS wording, one issue per list over its cap', () => {
    expect(failure({ ActionNames: list(1001), ResourceArns: list(2) })).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value at 'actionNames' failed to satisfy constraint: Member must have length less than or equal to 1000",
    });
    const both = failure({
      ActionNames: list(1),
      ResourceArns: list(1001),
      ContextEntries: [{ ContextKeyName: 'aws:TagKeys', ContextKeyType: 'stringList', ContextKeyValues: list(101) }],
    });
    expect(both?.message).toBe(
      "2 validation errors detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 1000; " +
        "Value at 'contextEntries.1.member.contextKeyValues' failed to satisfy constraint: Member must have length less than or equal to 100",
    );
  });
});
