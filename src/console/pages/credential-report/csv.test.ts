import { describe, expect, it } from 'vitest';
import { parseCsv, reportFileName } from './csv.js';

describe('credential report CSV', () => {
  it('parses quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('user,arn\n"a,b","say ""hi""\nthere"\nc,d\n')).toEqual([
      ['user', 'arn'],
      ['a,b', 'say "hi"\nthere'],
      ['c', 'd'],
    ]);
  });

  it('names the download as AWS does', () => {
    expect(reportFileName(new Date('2026-11-23T13:04:15.123Z'))).toBe('status_reports_2026-11-23T13_04_15+00_00.csv');
  });
});
