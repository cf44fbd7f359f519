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
    // renew.ts took its request type from credential-process.ts, which named renew.ts's module type.
    ['credentials/credential-process.ts', 'credentials/renew.ts'],
  ])('%s and %s', (a, b) => {
    expect(g.has(a) && g.has(b)).toBe(true);
    expect(reaches(g, a, b) && reaches(g, b, a)).toBe(false);
  });

  it('doctor and its checks never import install/ (a fix calls a lower-level module)', () => {
    const offenders = [...g.entries()].filter(([f, deps]) => f.startsWith('doctor/') && deps.some((d) => d.startsWith('install/')));
    expect(offenders.map(([f]) => f)).toEqual([]);
  });
});

/** The top-level folder (or file) of src/ a module is in. */
const room = (f: string): string => f.split('/')[0]!;

/** Every import from a module in `from` to one in `to`, as "importer -> imported". */
function edges(g: Map<string, string[]>, from: (f: string) => boolean, to: (d: string) => boolean): string[] {
  return [...g.entries()].flatMap(([f, deps]) => (from(f) ? [...new Set(deps)].filter(to).map((d) => `${f} -> ${d}`) : []));
}

describe('the house: each room imports only rooms below it', () => {
  const g = graph();
  const inRoom = (...rooms: string[]) => (f: string) => rooms.includes(room(f));

  it('reads a graph big enough to judge (every rule below would pass on an empty one)', () => {
    expect(g.size).toBeGreaterThan(200);
    for (const r of ['install', 'upgrade', 'release', 'config', 'remedies', 'policy', 'doctor', 'check', 'credentials']) {
      expect([...g.keys()].some(inRoom(r)), r).toBe(true);
    }
  });

  it('install/ and upgrade/ never import each other: release sources, signing keys and package names are in release/, below both', () => {
    expect(edges(g, inRoom('install'), inRoom('upgrade'))).toEqual([]);
    expect(edges(g, inRoom('upgrade'), inRoom('install'))).toEqual([]);
    // Both really take them from there (the rule above is not met by their not needing them).
    expect(edges(g, inRoom('install'), inRoom('release'))).toContain('install/execute.ts -> release/release-source.ts');
    expect(edges(g, inRoom('upgrade'), inRoom('release'))).toContain('upgrade/duo-sso-binary.ts -> release/keys/duo-sso-release.ts');
  });

  it('config/, remedies/ and policy/ never import doctor/: the check types are in check/, below them', () => {
    expect(edges(g, inRoom('config', 'remedies', 'policy'), inRoom('doctor'))).toEqual([]);
    expect(edges(g, inRoom('config', 'remedies'), inRoom('check')).length).toBeGreaterThan(0);
  });

  it('policy/ never imports config/ (config reads the policy, not the other way round)', () => {
    expect(edges(g, inRoom('policy'), inRoom('config'))).toEqual([]);
    expect(edges(g, inRoom('config'), inRoom('policy')).length).toBeGreaterThan(0);
  });

  // The project's layers, top to bottom: a module imports from its own layer or a lower one.
  // Every top-level folder and file of src/ is in exactly one, so a new room has to be placed.
  const LAYERS: readonly (readonly string[])[] = [
    ['cli.ts', 'main.ts'],
    ['commands'],
    ['doctor', 'install', 'login', 'credentials', 'upgrade', 'exec', 'console', 'completion'],
    ['aws', 'config', 'saml', 'knowledge', 'secrets', 'brew', 'kube', 'shell', 'remedies', 'policy', 'release', 'check', 'net', 'state'],
    ['platform', 'fs', 'ui', 'parsers', 'io', 'context.ts', 'errors.ts', 'import-meta.d.ts'],
  ];
  const layerOf = (f: string): number => LAYERS.findIndex((l) => l.includes(room(f)));

  it('places every room of src/ in exactly one layer', () => {
    const rooms = [...new Set([...g.keys()].map(room))];
    expect(rooms.filter((r) => LAYERS.filter((l) => l.includes(r)).length !== 1)).toEqual([]);
  });

  it('has no import up a layer', () => {
    const up = [...g.entries()].flatMap(([f, deps]) => [...new Set(deps)].filter((d) => layerOf(d) < layerOf(f)).map((d) => `${f} -> ${d}`));
    expect(up).toEqual([]);
  });

  // Rooms of one layer may use each other, but never in a circle. The circles left, and why:
  const ROOM_CIRCLES_ALLOWED: readonly string[] = [
    // ui/confirm-change.ts takes the slice of the Context type it reads (type only); context.ts
    // builds its style with ui/style.ts. Both are the bottom layer.
    'context.ts ui',
  ];

  it('has no circle between rooms beyond the allowed ones', () => {
    const rooms = new Map<string, Set<string>>();
    for (const [f, deps] of g) {
      const out = rooms.get(room(f)) ?? new Set<string>();
      for (const d of deps) if (room(d) !== room(f)) out.add(room(d));
      rooms.set(room(f), out);
    }
    const reach = (a: string, b: string): boolean => {
      const seen = new Set<string>();
      const stack = [...(rooms.get(a) ?? [])];
      while (stack.length) {
        const n = stack.pop()!;
        if (n === b) return true;
        if (!seen.has(n) && seen.add(n)) stack.push(...(rooms.get(n) ?? []));
      }
      return false;
    };
    const names = [...rooms.keys()].sort();
    expect(names.length).toBeGreaterThan(20);
    const circles = names.flatMap((a, i) => names.slice(i + 1).filter((b) => reach(a, b) && reach(b, a)).map((b) => `${a} ${b}`));
    expect(circles).toEqual(ROOM_CIRCLES_ALLOWED);
  });
});
