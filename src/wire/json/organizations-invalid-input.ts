/**
 * Organizations answers a request that fails its model's constraints with InvalidInputException,
 * a `Reason` and that reason's own sentence, not the "1 validation error detected: …" text the
 * Coral-validated services (IAM, STS, the Account service) send. The sentences are AWS's
 * descriptions of each reason (Organizations API Reference, InvalidInputException); the enum
 * and pattern ones are as AWS returns them ("You specified an invalid value.", "You provided a
 * value that does not match the required pattern."). AWS reports one reason: the first failure.
 */
const BY_KIND: Record<string, { reason: string; message: string }> = {
  required: { reason: 'INPUT_REQUIRED', message: 'You must include a value for all required parameters.' },
  minLength: {
    reason: 'MIN_LENGTH_EXCEEDED',
    message: 'You provided a string parameter that is shorter than allowed.',
  },
  maxLength: { reason: 'MAX_LENGTH_EXCEEDED', message: 'You provided a string parameter that is longer than allowed.' },
  minValue: {
    reason: 'MIN_VALUE_EXCEEDED',
    message: 'You provided a numeric parameter that has a smaller value than allowed.',
  },
  maxValue: {
    reason: 'MAX_VALUE_EXCEEDED',
    message: 'You provided a numeric parameter that has a larger value than allowed.',
  },
  pattern: { reason: 'INVALID_PATTERN', message: 'You provided a value that does not match the required pattern.' },
  enum: { reason: 'INVALID_ENUM', message: 'You specified an invalid value.' },
};

/** The message and Reason of Organizations' InvalidInputException for the first failed constraint. */
export function organizationsInvalidInput(issues: ReadonlyArray<{ kind: string }>): {
  message: string;
  reason: string;
} {
  // A value the decoder could not type never reaches validation (SerializationException); a stray one is an invalid value.
  const entry =
    (issues[0] && Object.hasOwn(BY_KIND, issues[0].kind) ? BY_KIND[issues[0].kind] : undefined) ?? BY_KIND.enum!;
  return { message: entry.message, reason: entry.reason };
}
