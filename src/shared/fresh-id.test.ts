import { describe, expect, it } from 'vitest';
import { withFreshId } from './fresh-id.js';
import { UniqueViolation } from './unique-violation.js';

describe('withFreshId', () => {
  it('tries again while the ID is taken, and gives up after the last try', async () => {
    let n = 0;
    await expect(
      withFreshId(async () => {
        if (++n < 3) throw new UniqueViolation('pk');
        return n;
      }),
    ).resolves.toBe(3);
    n = 0;
    await expect(
      withFreshId(async () => {
        n++;
        throw new UniqueViolation('pk');
      }, 4),
    ).rejects.toBeInstanceOf(UniqueViolation);
    expect(n).toBe(4);
  });

  it('does not retry other errors', async () => {
    let n = 0;
    await expect(
      withFreshId(async () => {
        n++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(n).toBe(1);
  });
});
