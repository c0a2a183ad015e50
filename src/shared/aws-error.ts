/**
 * The one error type every layer throws or returns for an AWS-visible failure.
 * `wire/` turns it into the protocol's error body (Query XML `<ErrorResponse>` or JSON `__type`).
 */
export class AwsError extends Error {
  /** AWS error code as it appears on the wire, e.g. `NoSuchEntity`, `ValidationError`. */
  readonly code: string;
  /** HTTP status code. */
  readonly status: number;
  /** Query protocol `<Type>`: Sender for client faults, Receiver for server faults. */
  readonly fault: 'Sender' | 'Receiver';

  constructor(code: string, message: string, status = 400, fault?: 'Sender' | 'Receiver') {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = status;
    this.fault = fault ?? (status >= 500 ? 'Receiver' : 'Sender');
  }
}

export function isAwsError(e: unknown): e is AwsError {
  return e instanceof AwsError;
}
