// Every knowledge pattern runs over whatever the user pastes (troubleshoot reads up to 8 MB, login
// reads duo-sso's output). A pattern that backtracks super-linearly turns a big log into minutes:
// each starts a scan of the rest of the line (or text) at every position. The strings below are
// the generic shapes that set off the quadratic patterns found (runs of word characters, paths,
// dots, quotes, dashes, colons): on 50 KB a quadratic pattern takes seconds, a linear one well
// under a millisecond, so the bound below is wide of both (it is not a speed target; speed is in
// `npm run bench`).
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE } from '../../src/knowledge/index.js';
import { ownKnowledge } from '../../src/knowledge/own.js';

const SIZE = 50_000;
const BOUND_MS = 1000;
const UNITS = ['a', 'ab.', 'a/', 'a ', 'a-', '"a', "'a", '<a', 'a:', '1.', 'a\t', 'a=', 'a\\', 'a,', 'ab_', 'a@', 'A1', '-a', '“a', 'a.b/', '/a', 'a/b ', 'a: ', 'x '];
const ATTACKS = UNITS.map((u) => u.repeat(Math.ceil(SIZE / u.length)).slice(0, SIZE));

const patterns = [...KNOWLEDGE, ...ownKnowledge()].flatMap((e) => e.patterns.map((p, i) => ({ name: `${e.id}[${i}]`, p })));

function slowest(p: RegExp): { ms: number; unit: string } {
  let worst = { ms: 0, unit: '' };
  ATTACKS.forEach((text, i) => {
    const started = performance.now();
    p.exec(text);
    const ms = performance.now() - started;
    if (ms > worst.ms) worst = { ms, unit: UNITS[i]! };
  });
  return worst;
}

describe('no knowledge pattern backtracks super-linearly on a big paste', () => {
  it('covers the whole knowledge base', () => {
    expect(patterns.length).toBeGreaterThan(1500);
  });

  it('the check catches a quadratic pattern (the one brew-tap-gone had)', () => {
    const started = performance.now();
    /(?<tap>[\w.-]+\/[\w.-]+) does not exist! Run `brew untap \k<tap>` to remove it/.exec(ATTACKS[UNITS.indexOf('ab.')]!);
    expect(performance.now() - started).toBeGreaterThan(BOUND_MS);
  });

  it('every pattern stays linear on every attack string', () => {
    const slow = patterns.map(({ name, p }) => ({ name, ...slowest(p) })).filter((r) => r.ms > BOUND_MS);
    expect(slow).toEqual([]);
  });
});
