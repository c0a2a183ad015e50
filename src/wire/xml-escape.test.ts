import { describe, expect, it } from 'vitest';
import { escapeXml } from './xml-escape.js';

describe('escapeXml', () => {
  it('leaves plain text alone', () => {
    const s = 'plain text / with: punctuation=+ @ and ünïcödé 😀';
    expect(escapeXml(s)).toBe(s);
  });

  it('escapes markup, CR and LF, and drops characters XML 1.0 cannot carry', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\r\nb\tc')).toBe('a&#xD;&#xA;b\tc');
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uFFFF')).toBe('abcd');
    expect(escapeXml('lone \uD800 high, lone \uDC00 low, pair \u{1F600}')).toBe(
      'lone  high, lone  low, pair \u{1F600}',
    );
  });
});
