/**
 * AWS's rules for the root user's password: one rule set for every way it is set (a change in
 * the console, recovery by email), since no account password policy governs the root user
 * ("change the password for the AWS account root user", IAM User Guide):
 * - 8 to 128 characters;
 * - at least three of: uppercase letters, lowercase letters, numbers, and the symbols
 *   ! @ # $ % ^ & * ( ) < > [ ] { } | _ + - =;
 * - not the account's name or its email address.
 * Every character must also be one IAM's Password shape allows (tab, LF, CR, U+0020–U+00FF), so
 * a root password could be typed wherever an IAM password can.
 */

/** The characters AWS counts as symbols in a root password. */
const ROOT_SYMBOLS = '!@#$%^&*()<>[]{}|_+-=';
const MIN_LENGTH = 8;
const MAX_LENGTH = 128;
const ALLOWED_CHARACTERS = /^[\u0009\u000A\u000D\u0020-\u00FF]*$/;

/** What the root password rules say of `password`, in the console's words; undefined when it is acceptable. */
export function rootPasswordProblem(password: string, account: { name: string; email: string }): string | undefined {
  if (password.length < MIN_LENGTH || password.length > MAX_LENGTH)
    return `Your password must be between ${MIN_LENGTH} and ${MAX_LENGTH} characters long.`;
  if (!ALLOWED_CHARACTERS.test(password)) return 'Your password contains a character that is not allowed.';
  const classes = [
    /[A-Z]/.test(password),
    /[a-z]/.test(password),
    /[0-9]/.test(password),
    [...password].some((ch) => ROOT_SYMBOLS.includes(ch)),
  ].filter(Boolean).length;
  if (classes < 3)
    return 'Your password must include at least three of the following: uppercase letters, lowercase letters, numbers, and symbols (! @ # $ % ^ & * ( ) < > [ ] { } | _ + - =).';
  const lower = password.toLowerCase();
  if (lower === account.email.toLowerCase() || lower === account.name.toLowerCase())
    return 'Your password must not be your account name or email address.';
  return undefined;
}
