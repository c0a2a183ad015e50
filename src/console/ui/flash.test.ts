import { describe, expect, it } from 'vitest';
import { openFlash, sealFlash, signedOutNotice } from './flash.js';

describe('flash messages', () => {
  it('opens only with the key and kind they were sealed with, and unaltered', () => {
    const sealed = sealFlash('session-a', 'notice', 'Policy x created.');
    expect(openFlash('session-a', 'notice', sealed)).toBe('Policy x created.');
    expect(openFlash('session-b', 'notice', sealed)).toBeUndefined();
    expect(openFlash('session-a', 'error', sealed)).toBeUndefined();
    expect(openFlash(undefined, 'notice', sealed)).toBeUndefined();
    const forged = `${Buffer.from('Call +1 555 0100').toString('base64url')}.${sealed.split('.')[1]}`;
    expect(openFlash('session-a', 'notice', forged)).toBeUndefined();
    expect(openFlash('session-a', 'notice', 'Your account is suspended')).toBeUndefined();
  });

  it('maps signed-out codes to fixed texts and nothing else', () => {
    expect(signedOutNotice('signed-out')).toBe('You have signed out.');
    expect(signedOutNotice('Your account is suspended')).toBeUndefined();
    expect(signedOutNotice('toString')).toBeUndefined();
    expect(signedOutNotice(undefined)).toBeUndefined();
  });
});
