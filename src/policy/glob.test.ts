import { describe, expect, it } from 'vitest';
import { compileArnGlob, compileGlob, encodeLiterals, hasPrefix } from './glob.js';

describe('glob matchers', () => {
  it('matches whole strings with * and ?', () => {
    expect(compileGlob('iam:get*')('iam:getuser')).toBe(true);
    expect(compileGlob('iam:get*')('xiam:getuser')).toBe(false);
    expect(compileGlob('a?c')('abc')).toBe(true);
    expect(compileGlob('a?c')('ac')).toBe(false);
    expect(compileGlob('a.c')('abc')).toBe(false);
    expect(compileGlob('*x*')('axb')).toBe(true);
  });

  it('keeps encoded literals literal', () => {
    const m = compileGlob(`a${encodeLiterals('*')}`);
    expect(m('a*')).toBe(true);
    expect(m('ab')).toBe(false);
  });

  it('does not let a wildcard span ARN segments before the resource', () => {
    expect(compileArnGlob('arn:aws:ec2:*:instance/x')('arn:aws:ec2:us-east-1:1:instance/x')).toBe(false);
    expect(compileArnGlob('arn:aws:ec2:*:*:instance/x')('arn:aws:ec2:us-east-1:1:instance/x')).toBe(true);
    expect(compileArnGlob('arn:aws:lambda:*:*:function:*')('arn:aws:lambda:r:1:function:f:alias')).toBe(true);
  });

  it('pads short ARNs with *', () => {
    expect(compileArnGlob('arn:aws:ec2')('arn:aws:ec2:r:1:instance/i')).toBe(true);
  });

  it('tests prefixes', () => {
    expect(hasPrefix('abcdef', 'abc')).toBe(true);
    expect(hasPrefix('abcdef', 'cde', 2)).toBe(true);
    expect(hasPrefix('ab', 'abc')).toBe(false);
  });
});
