import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The dependency rules of ARCHITECTURE.md, checked on the import graph of src/ (no tool: the
// import lines are read with a pattern and relative paths resolved). Known debt outside the
// pipeline's area is listed below, each entry an import the rules forbid; the test fails on any
// new violation, and on an entry that is no longer needed, so the lists only shrink.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/**
 * Area-to-area imports that close a cycle between areas today, as `from -> to`. Files form no
 * cycle at all (enforced without exceptions below); these are areas leaning on each other. Empty
 * since IAM reads the organization through its own port (iam/core/organizations-port.ts) and
 * only Organizations names the other's store (issue 13).
 */
const AREA_CYCLE_DEBT = new Set<string>([]);

/**
 * Imports the layering forbids today, as `from -> to` (paths under src/). Empty since the shared
 * IAM logic moved into iam/core/ (issue 13); kept so a future exception is written down, not hidden.
 */
const LAYER_DEBT = new Set<string>([]);

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !/\.(test|fuzz\.test)\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

const IMPORT =
  /(?:^|\n)[ \t]*(import|export)[ \t]+(type[ \t]+)?([^;'"]*?)[ \t\n]*from[ \t\n]*['"]([^'"]+)['"]|(?:^|\n)[ \t]*import[ \t]*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpecifier(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    base,
    `${base}.ts`,
    join(base, 'index.ts'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** `import { type A, type B } from` imports only types, as `import type` does. */
const onlyTypes = (clause: string): boolean => {
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
};

function importGraph(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[4] ?? m[5] ?? m[6]!;
      const to = resolveSpecifier(file, spec);
      if (!to) continue;
      const typeOnly = m[4] !== undefined && (m[2] !== undefined || onlyTypes(m[3] ?? ''));
      edges.push({ from: relative(SRC, file), to: relative(SRC, to), typeOnly });
    }
  }
  return edges;
}

const area = (path: string): string => path.split('/')[0]!;
const key = (e: Edge) => `${e.from} -> ${e.to}`;

/** Strongly connected components with more than one file (or a file importing itself): Tarjan. */
function cycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** The rule an import breaks, if any. */
function brokenRule(e: Edge): string | undefined {
  const from = area(e.from);
  const to = area(e.to);
  // Checked inside iam/ too: the rest of IAM shares logic through iam/core/, never a handler module.
  if (e.to.startsWith('iam/handlers/') && !e.from.startsWith('iam/handlers/') && from !== 'server')
    return 'only the server wires IAM handler modules';
  // The gateway's IAM mapping is pure: shared, policy, routing's types (and the SAR package).
  if (
    e.from.startsWith('gateway/iam-questions/') &&
    !e.to.startsWith('gateway/iam-questions/') &&
    to !== 'shared' &&
    to !== 'policy' &&
    e.to !== 'wire/routing/types.ts'
  )
    return 'gateway/iam-questions imports only shared, policy and wire/routing/types.ts';
  if (from === to) return undefined;
  if (from === 'shared') return 'shared imports nothing from the project';
  if ((from === 'sigv4' || from === 'wire' || from === 'policy') && to !== 'shared')
    return `${from} imports only shared`;
  if (to === 'server' && from !== 'cli') return 'nothing imports server/';
  if (to === 'cli') return 'nothing imports cli/';
  const domains = ['iam', 'sts', 'organizations', 'account', 'audit', 'auth', 'client', 'console', 'gateway'];
  if (domains.includes(from) && (to === 'store' || to === 'server') && !e.typeOnly)
    return `${from} imports ${to} at run time`;
  return undefined;
}

describe('the import graph', () => {
  const edges = importGraph();

  it('is read: multi-line, type-only and re-export imports are all seen', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: 'server/api.ts', to: 'wire/dispatch.ts', typeOnly: false });
    expect(edges).toContainEqual({ from: 'server/api.ts', to: 'auth/authenticate.ts', typeOnly: true });
    expect(edges).toContainEqual({ from: 'audit/trail.ts', to: 'audit/entries.ts', typeOnly: true });
  });

  it('has no cycle between files, type-only imports included', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('has no cycle between areas beyond the listed debt, and the debt is still real', () => {
    const areaEdges = new Map<string, Edge>();
    for (const e of edges) {
      const from = area(e.from);
      const to = area(e.to);
      if (from !== to && !AREA_CYCLE_DEBT.has(`${from} -> ${to}`))
        areaEdges.set(`${from} -> ${to}`, { from, to, typeOnly: e.typeOnly });
    }
    expect(cycles([...areaEdges.values()])).toEqual([]);
    const present = new Set(edges.map((e) => `${area(e.from)} -> ${area(e.to)}`));
    const reverse = (k: string) => k.split(' -> ').reverse().join(' -> ');
    expect([...AREA_CYCLE_DEBT].filter((k) => !present.has(k) || !present.has(reverse(k)))).toEqual([]);
  });

  it('lets only the server import IAM handler modules, from other areas and from the rest of iam/ alike', () => {
    const edge = (from: string, to: string): Edge => ({ from, to, typeOnly: false });
    expect(brokenRule(edge('iam/mfa/handlers.ts', 'iam/handlers/users.ts'))).toBe(
      'only the server wires IAM handler modules',
    );
    expect(brokenRule(edge('console/session/sessions.ts', 'iam/handlers/shapes.ts'))).toBe(
      'only the server wires IAM handler modules',
    );
    expect(brokenRule(edge('cli/main.ts', 'iam/handlers/index.ts'))).toBe('only the server wires IAM handler modules');
    expect(brokenRule(edge('iam/handlers/roles.ts', 'iam/handlers/users.ts'))).toBeUndefined();
    expect(brokenRule(edge('server/ward.ts', 'iam/handlers/index.ts'))).toBeUndefined();
    expect(brokenRule(edge('console/session/sessions.ts', 'iam/core/arns.ts'))).toBeUndefined();
  });

  it('keeps the layering rules of ARCHITECTURE.md beyond the listed debt', () => {
    const broken = edges
      .filter((e) => brokenRule(e) !== undefined && !LAYER_DEBT.has(key(e)))
      .map((e) => `${key(e)} (${brokenRule(e)})`);
    expect(broken).toEqual([]);
    const stale = [...LAYER_DEBT].filter((k) => !edges.some((e) => key(e) === k && brokenRule(e) !== undefined));
    expect(stale).toEqual([]);
  });
});
