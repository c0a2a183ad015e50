import { describe, expect, it } from 'vitest';
import { parseGatewayTargets, splitTargetList } from './targets.js';

describe('gateway targets', () => {
  it('finds a service by any of its names, else the default backend', () => {
    const t = parseGatewayTargets(['s3=http://127.0.0.1:9000', 'MONITORING=http://m:1', '*=http://moto:5000/']);
    expect(t.for(['s3'])?.url.origin).toBe('http://127.0.0.1:9000');
    expect(t.for(['cloudwatch', 'monitoring'])?.url.origin).toBe('http://m:1');
    expect(t.for(['sqs'])?.service).toBe('*');
  });

  it('has no backend for a service when there is no default', () => {
    expect(parseGatewayTargets(['s3=http://a:1']).for(['sqs'])).toBeUndefined();
    expect(parseGatewayTargets([]).empty).toBe(true);
  });

  it.each([
    ['s3', 'expected SERVICE=URL'],
    ['=http://a', 'expected SERVICE=URL'],
    ['s3=ftp://a', 'http:// or https://'],
    ['s3=http://user:pw@a', 'no credentials'],
    ['s3=not a url', 'is not a URL'],
  ])('refuses %s at start-up', (spec, message) => {
    expect(() => parseGatewayTargets([spec])).toThrow(message);
  });

  it('refuses a service named twice', () => {
    expect(() => parseGatewayTargets(['s3=http://a:1', 'S3=http://b:2'])).toThrow('names s3 twice');
  });

  it('splits the environment list', () => {
    expect(splitTargetList(' s3=http://a:1, ,*=http://b:2')).toEqual(['s3=http://a:1', '*=http://b:2']);
  });
});
