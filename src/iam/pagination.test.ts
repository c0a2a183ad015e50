import { describe, expect, it } from 'vitest';
import { decodeMarker, decodeOffsetMarker, encodeMarker, encodeOffsetMarker } from './pagination.js';

describe('IAM markers', () => {
  it('round-trips the payloads Ward issues', () => {
    expect(decodeMarker(encodeMarker('alice\u0000AIDA'))).toBe('alice\u0000AIDA');
    expect(decodeMarker(encodeMarker(''))).toBe('');
    expect(decodeOffsetMarker(encodeOffsetMarker(250))).toBe(250);
    expect(decodeOffsetMarker(undefined)).toBe(0);
  });

  it.each([
    '1',
    '100',
    'abc',
    'x y',
    '',
    '====',
    encodeMarker('x').slice(0, -1) + '_',
    Buffer.from('alice').toString('base64url'),
  ])('refuses %j with AWS\'s "Invalid Marker."', (marker) => {
    expect(() => decodeMarker(marker)).toThrow(
      expect.objectContaining({ code: 'ValidationError', message: 'Invalid Marker.', status: 400 }),
    );
  });

  it('refuses a sort-key marker where an offset is expected', () => {
    expect(() => decodeOffsetMarker(encodeMarker('alice'))).toThrow('Invalid Marker.');
    expect(() => decodeOffsetMarker(encodeMarker('@-1'))).toThrow('Invalid Marker.');
    expect(() => decodeOffsetMarker(encodeMarker('@01'))).toThrow('Invalid Marker.');
  });
});
