import { describe, expect, it } from 'vitest';
import { canonicalHeaders, canonicalQueryString } from './canonical.js';
import { canonicalUri, normalizePath, percentDecodeToString, uriEncode } from './encoding.js';

describe('uriEncode', () => {
  it('keeps only RFC 3986 unreserved characters', () => {
    expect(uriEncode('AZaz09-._~')).toBe('AZaz09-._~');
    expect(uriEncode(' !"#$%&\'()*+,/:;=?@[]')).toBe('%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D');
    expect(uriEncode('a/b c', true)).toBe('a/b%20c');
  });

  it('encodes non-ASCII as UTF-8 bytes', () => {
    expect(uriEncode('ሴ')).toBe('%E1%88%B4');
    expect(uriEncode('é/ü', true)).toBe('%C3%A9/%C3%BC');
  });
});

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['', ''],
    ['//', '/'],
    ['/./', '/'],
    ['/example/..', '/'],
    ['/example1/example2/../..', '/'],
    ['//example//', '/example/'],
    ['/./example', '/example'],
    ['/a/./b/../c/', '/a/c/'],
    ['/a/.', '/a'],
    ['/../..', '/'],
    ['/a/%2E%2E/b', '/a/%2E%2E/b'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe('canonicalUri', () => {
  it('encodes the wire path once more (non-S3 double encoding)', () => {
    expect(canonicalUri('/a%20b/c', true)).toBe('/a%2520b/c');
    expect(canonicalUri('/example space/', true)).toBe('/example%20space/');
    expect(canonicalUri('/example/$delete', true)).toBe('/example/%24delete');
  });

  it('leaves dot segments alone without normalization', () => {
    expect(canonicalUri('//example/./..', false)).toBe('//example/./..');
    expect(canonicalUri('', false)).toBe('/');
  });
});

describe('canonicalQueryString', () => {
  it('decodes then re-encodes names and values, sorting by name then value', () => {
    expect(canonicalQueryString('Param-3=Value3&Param=Value2&%E1%88%B4=Value1')).toBe(
      '%E1%88%B4=Value1&Param=Value2&Param-3=Value3',
    );
    expect(canonicalQueryString('b=2&a=z&a=y&c')).toBe('a=y&a=z&b=2&c=');
    expect(canonicalQueryString('k=%7e%2a%20')).toBe('k=~%2A%20');
  });

  it('reads + as a space, as the Query decoder does, and keeps stray percent signs', () => {
    expect(canonicalQueryString('a=b+c')).toBe('a=b%20c');
    expect(canonicalQueryString('a=b%2Bc')).toBe('a=b%2Bc');
    expect(canonicalQueryString('a+b=1')).toBe('a%20b=1');
    expect(canonicalQueryString('a=100%&b=%zz&c=%4')).toBe('a=100%25&b=%25zz&c=%254');
  });

  it('drops empty segments and excluded (decoded) names', () => {
    expect(canonicalQueryString('&a=1&&b=2&')).toBe('a=1&b=2');
    expect(canonicalQueryString('X-Amz-Signature=abc&a=1&X-Amz-%53ignature=d', new Set(['X-Amz-Signature']))).toBe(
      'a=1',
    );
    expect(canonicalQueryString('')).toBe('');
  });

  it('decodes for reading parameters', () => {
    expect(percentDecodeToString('AKID%2F20150830%2Fus-east-1')).toBe('AKID/20150830/us-east-1');
    expect(percentDecodeToString('%E1%88%B4')).toBe('ሴ');
  });
});

describe('canonicalHeaders', () => {
  it('lowercases, trims, collapses whitespace and joins repeats in received order', () => {
    const headers: Array<[string, string]> = [
      ['Host', 'example.amazonaws.com'],
      ['My-Header1', 'value4'],
      ['my-header1', '  a   b\n   c '],
      ['X-Unsigned', 'x'],
    ];
    expect(canonicalHeaders(headers, ['host', 'my-header1'])).toBe(
      'host:example.amazonaws.com\nmy-header1:value4,a b c\n',
    );
  });

  it('renders a signed header that is absent as empty', () => {
    expect(canonicalHeaders([['Host', 'h']], ['host', 'x-amz-date'])).toBe('host:h\nx-amz-date:\n');
  });

  it('renders the same block for a request too large for the nested scan', () => {
    const names = Array.from({ length: 60 }, (_, i) => `x-h${i}`);
    const headers = names.flatMap((n, i): Array<[string, string]> => [
      [n.toUpperCase(), ` v${i} `],
      [n, 'a  b'],
    ]);
    const signed = ['host', ...names, 'x-h3'];
    const expected = `host:\n${names.map((n, i) => `${n}:v${i},a b\n`).join('')}x-h3:v3,a b\n`;
    expect(headers.length * signed.length).toBeGreaterThan(1024);
    expect(canonicalHeaders(headers, signed)).toBe(expected);
    expect(canonicalHeaders(headers.slice(0, 8), signed.slice(0, 5))).toBe(
      expected.split('\n').slice(0, 5).join('\n') + '\n',
    );
  });
});
