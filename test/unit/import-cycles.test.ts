// Modules that used to import each other (directly or through a type): each now depends on a
// lower-level piece instead. Reads the import graph of src/ from the source text.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO } from '../support/sandbox.js';

const SRC = join(REPO, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of files(SRC)) {
    const text = readFileSync(f, 'utf8');
    const deps = [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)\.js'/g)].map((m) => relative(SRC, resolve(dirname(f), `${m[1]}.ts`)));
    g.set(relative(SRC, f), deps);
  }
  return g;
}

/** Can `from` reach `to` by following imports? */
function reaches(g: Map<string, string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [...(g.get(from) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === to) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(g.get(n) ?? []));
  }
  return false;
}

describe('no import cycle between', () => {
  const g = graph();
  it.each([
    ['install/execute.ts', 'install/round-trip.ts'],
    ['upgrade/reporter.ts', 'upgrade/reporter-listr.ts'],
    ['install/execute.ts', 'install/approve.ts'],
  ])('%s and %s', (a, b) => {
    expect(g.has(a) && g.has(b)).toBe(true);
    expect(reaches(g, a, b) && reaches(g, b, a)).toBe(false);
  });

  it('doctor and its checks never import install/ (a fix calls a lower-level module)', () => {
    const offenders = [...g.entries()].filter(([f, deps]) => f.startsWith('doctor/') && deps.some((d) => d.startsWith('install/')));
    expect(offenders.map(([f]) => f)).toEqual([]);
  });
});
