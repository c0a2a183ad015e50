import { describe, expect, it } from 'vitest';
import { rootPasswordProblem } from './root-password-rules.js';

describe("the root user's password rules", () => {
  const account = { name: 'Production', email: 'Owner@Example.com' };

  it('wants 8 to 128 characters', () => {
    expect(rootPasswordProblem('Ab1!xyz', account)).toMatch(/between 8 and 128/);
    expect(rootPasswordProblem(`Ab1!${'a'.repeat(125)}`, account)).toMatch(/between 8 and 128/);
    expect(rootPasswordProblem('Ab1!xyzw', account)).toBeUndefined();
    expect(rootPasswordProblem(`Ab1!${'a'.repeat(124)}`, account)).toBeUndefined();
  });

  it('wants three of uppercase, lowercase, numbers and the symbols AWS lists', () => {
    expect(rootPasswordProblem('abcdefgh12', account)).toMatch(/three of the following/);
    expect(rootPasswordProblem('ABCDEFGH!!', account)).toMatch(/three of the following/);
    expect(rootPasswordProblem('abcdefgH12', account)).toBeUndefined();
    expect(rootPasswordProblem('abcdefgh1<', account)).toBeUndefined();
    expect(rootPasswordProblem('ABCDEFGH1_', account)).toBeUndefined();
    // A space, ~ or ? is allowed in the password but is none of AWS's symbols, so it adds no class.
    expect(rootPasswordProblem('abcdefgh1 ~?', account)).toMatch(/three of the following/);
  });

  it('refuses characters outside IAM password characters', () => {
    expect(rootPasswordProblem('Abcdefg1\u0000', account)).toMatch(/not allowed/);
    expect(rootPasswordProblem('Abcdefg1\u20ac', account)).toMatch(/not allowed/);
    expect(rootPasswordProblem('Abcdefg1\u00e9', account)).toBeUndefined();
  });

  it('refuses the account name or email, whatever the case', () => {
    expect(rootPasswordProblem('owner1@example.COM', { ...account, email: 'Owner1@Example.com' })).toMatch(
      /account name or email/,
    );
    expect(rootPasswordProblem('PRODUCTION-1', { ...account, name: 'production-1' })).toMatch(/account name or email/);
    expect(rootPasswordProblem('owner@example.com1', account)).toBeUndefined();
  });

  it('is not the account password policy: six-character passwords that satisfy IAM by default are refused', () => {
    expect(rootPasswordProblem('abc123', account)).toMatch(/between 8 and 128/);
  });
});
