import { describe, expect, it } from 'vitest';
import { inPartition, inputFromPartition, partitionOf, textInPartition, valuesInPartition } from './partition.js';

describe('partitions', () => {
  it('names a region’s partition as botocore’s endpoints.json does', () => {
    expect(partitionOf('us-east-1')).toBe('aws');
    expect(partitionOf('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('us-iso-east-1')).toBe('aws-iso');
    expect(partitionOf('us-isob-east-1')).toBe('aws-iso-b');
    expect(partitionOf('eu-isoe-west-1')).toBe('aws-iso-e');
  });

  it('renders canonical ARNs, and only ARNs, in a partition', () => {
    expect(inPartition('arn:aws:iam::123456789012:user/a', 'aws-cn')).toBe('arn:aws-cn:iam::123456789012:user/a');
    expect(inPartition('arn:aws-us-gov:iam::1:root', 'aws-cn')).toBe('arn:aws-us-gov:iam::1:root');
    expect(inPartition('the arn:aws: text', 'aws-cn')).toBe('the arn:aws: text');
    const out = {
      User: { Arn: 'arn:aws:iam::1:user/a', UserName: 'arn:aws:x', CreateDate: new Date(0) },
      L: ['arn:aws:s3:::b'],
    };
    expect(valuesInPartition(out, 'aws-iso')).toEqual({
      User: { Arn: 'arn:aws-iso:iam::1:user/a', UserName: 'arn:aws-iso:x', CreateDate: new Date(0) },
      L: ['arn:aws-iso:s3:::b'],
    });
    expect(valuesInPartition(out, 'aws')).toBe(out);
    expect(textInPartition('User: arn:aws:iam::1:user/a on resource: "arn:aws:s3:::b"', 'aws-cn')).toBe(
      'User: arn:aws-cn:iam::1:user/a on resource: "arn:aws-cn:s3:::b"',
    );
  });

  it('reads ARN members in the caller’s partition, refusing any other, and leaves documents alone', () => {
    const input = {
      PolicyArn: 'arn:aws-cn:iam::aws:policy/ReadOnlyAccess',
      ResourceArns: ['arn:aws-cn:s3:::b'],
      PolicyDocument: '{"Resource":"arn:aws-cn:s3:::b"}',
      Tags: [{ Key: 'k', Value: 'arn:aws-cn:x' }],
    };
    expect(inputFromPartition(input, 'aws-cn')).toEqual({
      input: { ...input, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', ResourceArns: ['arn:aws:s3:::b'] },
    });
    expect(inputFromPartition({ RoleArn: 'arn:aws:iam::1:role/r' }, 'aws-us-gov')).toEqual({
      foreign: { partition: 'aws', arn: 'arn:aws:iam::1:role/r' },
    });
    expect(inputFromPartition({ SerialNumber: 'arn:aws-cn:iam::1:mfa/m' }, 'aws')).toEqual({
      foreign: { partition: 'aws-cn', arn: 'arn:aws-cn:iam::1:mfa/m' },
    });
    // Nothing to change in aws: the very same object.
    const plain = { UserName: 'a', PolicyArn: 'arn:aws:iam::aws:policy/X' };
    expect((inputFromPartition(plain, 'aws') as { input: unknown }).input).toBe(plain);
  });
});
