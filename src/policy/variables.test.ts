import { describe, expect, it } from 'vitest';
import { decodeLiterals } from './glob.js';
import { parseTemplate, resolveTemplate, type Template, type VariableSource } from './variables.js';

function source(ctx: Record<string, string | string[]>): VariableSource & { missing: string[] } {
  const missing: string[] = [];
  return {
    missing,
    get: (_k, kl) => Object.entries(ctx).find(([k]) => k.toLowerCase() === kl)?.[1],
    noteMissing: (k) => missing.push(k),
  };
}

describe('policy variables', () => {
  it('leaves text without variables alone', () => {
    expect(parseTemplate('plain', true)).toBe('plain');
    expect(parseTemplate('${aws:username}', false)).toBe('${aws:username}');
  });

  it('resolves keys case-insensitively with defaults', () => {
    const t = parseTemplate("home/${AWS:UserName}/${aws:PrincipalTag/team, 'none'}", true) as Template;
    expect(t.keys).toEqual(['AWS:UserName', 'aws:PrincipalTag/team']);
    expect(resolveTemplate(t, source({ 'aws:username': 'alice' }))).toBe('home/alice/none');
  });

  it('reports a key with no value and no default', () => {
    const s = source({});
    expect(resolveTemplate(parseTemplate('${aws:userid}', true) as Template, s)).toBeUndefined();
    expect(s.missing).toEqual(['aws:userid']);
  });

  it('turns ${*} ${?} ${$} into literal characters', () => {
    expect(decodeLiterals(parseTemplate('${*}${?}${$}', true) as string)).toBe('*?$');
  });

  it('treats malformed references as text', () => {
    expect(parseTemplate('${aws:username', true)).toBe('${aws:username');
    expect(parseTemplate('${aws user}', true)).toBe('${aws user}');
    expect(parseTemplate("${k, 'unterminated}", true)).toBe("${k, 'unterminated}");
  });
});
