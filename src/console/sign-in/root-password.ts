/**
 * AWS's rules for a root user's password, which no account password policy governs: 8 to 128
 * characters, at least three of uppercase, lowercase, digits and other characters, and not the
 * account's name or email.
 */
export function rootPasswordProblem(password: string, account: { name: string; email: string }): string | undefined {
  if (password.length < 8 || password.length > 128) return 'Your password must be between 8 and 128 characters long.';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'Your password must include at least three of the following: uppercase letters, lowercase letters, numbers, and symbols.';
  const lower = password.toLowerCase();
  if (lower === account.email.toLowerCase() || lower === account.name.toLowerCase()) return 'Your password must not be your account name or email address.';
  return undefined;
}
