/**
 * One family of condition operators. A policy value is prepared once (or once per distinct
 * variable substitution); a request value is parsed into the family's type. A request value the
 * family cannot read (text for a Numeric operator) fails the whole condition, negated or not.
 */
export interface OperatorFamily<P = unknown, R = unknown> {
  /** Prepares a policy value (sentinel-encoded, see glob.ts); undefined means it can never match. */
  prepare(value: string): P | undefined;
  /** Reads a request value; undefined means it is not of this family's type. */
  parse(value: string): R | undefined;
  test(policy: P, request: R): boolean;
  /** Whether policy variables are substituted in this family's values (string and ARN operators). */
  variables: boolean;
  /** Preparing a substituted value costs less than caching it (no pattern to compile). */
  cheapPrepare?: boolean;
}

/** A base operator: its family and whether it is the negated form (StringNotEquals, NotIpAddress...). */
export interface OperatorSpec {
  family: OperatorFamily;
  negated: boolean;
}

/**
 * Remembers the last request value read. One request usually puts the same value (the current
 * time, the source IP) through many conditions, and reading it is the costly part.
 */
export function memoLast<R>(read: (v: string) => R | undefined): (v: string) => R | undefined {
  let lastIn: string | undefined;
  let lastOut: R | undefined;
  return (v) => {
    if (v !== lastIn) {
      lastOut = read(v);
      lastIn = v;
    }
    return lastOut;
  };
}
