import { describe, expect, it } from 'vitest';
import { pageOfStage, safeRedirect, stageAfterSecondFactor } from './steps.js';

describe('sign-in steps', () => {
  it('goes to a password change before anything else, then to the root MFA prompt', () => {
    expect(stageAfterSecondFactor(true, true, false)).toBe('change-password');
    expect(stageAfterSecondFactor(false, true, false)).toBe('register-mfa');
    expect(stageAfterSecondFactor(false, true, true)).toBe('active');
    expect(pageOfStage('active', true, '/console/users')).toBe('/console/register-mfa');
    expect(pageOfStage('active', false, '/console/users?Marker=x')).toBe('/console/users?Marker=x');
  });

  it('redirects only within the console', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/console/x',
      '/console//evil.example',
      '/console/\\evil',
      '/other',
      '/console/signin?x=1',
      undefined,
    ]) {
      expect(safeRedirect(bad)).toBe('/console/home');
    }
    expect(safeRedirect('/console/roles')).toBe('/console/roles');
  });

  it('refuses control characters and dot segments out of the console', () => {
    for (const bad of [
      '/console/users\r\nSet-Cookie: a=b',
      '/console/users\n',
      '/console/a b',
      '/console/\u0000',
      '/console/../evil',
      '/console/%2e%2e/%2E%2E/evil',
      '/console/x/../../signin',
      '/console/é',
    ]) {
      expect(safeRedirect(bad), JSON.stringify(bad)).toBe('/console/home');
    }
    expect(safeRedirect('/console/users/../roles?x=%20')).toBe('/console/roles?x=%20');
  });
});
