import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import { decodeQueryInput, loadModel, validateInput } from './index.js';

const iam = loadModel('iam');
const sts = loadModel('sts');
const operations = (m: ReturnType<typeof loadModel>) => Object.keys(m.operations);

/** Parameter names the decoder walks: real member paths with list/map suffixes, and junk. */
const paramName = fc.oneof(
  fc.constantFrom(
    'UserName',
    'Path',
    'Tags.member.1.Key',
    'Tags.member.1.Value',
    'Tags.member.x.Key',
    'MaxItems',
    'Marker',
    'PolicyArns.member.1.arn',
    'DurationSeconds',
    'SerialNumber',
    'Tags.member.999999999.Key',
    'Tags.entry.1.key',
  ),
  fc.string({ maxLength: 40 }),
);
const params = fc.array(fc.tuple(paramName, fc.string({ maxLength: 80 })), { maxLength: 12 });

describe('Query decoding and validation never crash (fuzz)', () => {
  for (const [name, model] of [
    ['iam', iam],
    ['sts', sts],
  ] as const) {
    it(`${name}: any parameters give a value or an AWS-shaped error`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...operations(model)), params, (operation, pairs) => {
          try {
            const input = decodeQueryInput(model, operation, new URLSearchParams(pairs));
            const invalid = validateInput(model, operation, input);
            if (invalid) expect(invalid).toBeInstanceOf(AwsError);
          } catch (err) {
            expect(err).toBeInstanceOf(AwsError);
            expect((err as AwsError).status).toBeLessThan(500);
          }
        }),
        { numRuns: 1500 },
      );
    });
  }
});
