import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RUNGS, decide, type Attempt, type Outcome, type RungId } from '../../src/upgrade/ladder.js';
import { classify } from '../../src/upgrade/classify.js';
import { remedyFor } from '../../src/upgrade/remedies.js';
import { versionIsNew, displayArgv } from '../../src/upgrade/run-ladder.js';
import type { RunResult } from '../../src/platform/process.js';

/** Drives `decide` with scripted outcomes: each rung's list is consumed in order, then 'ok'. */
function walk(script: Partial<Record<RungId, Outcome[]>>, start?: 'tap-repair' | 'uninstall') {
  const queues = Object.fromEntries(Object.entries(script).map(([k, v]) => [k, [...v!]])) as Partial<Record<RungId, Outcome[]>>;
  const history: Attempt[] = [];
  for (let i = 0; i < 30; i++) {
    const d = decide(history, start);
    if (d.kind !== 'run') return { history, end: d };
    history.push({ rung: d.rung, outcome: queues[d.rung]?.shift() ?? 'ok' });
  }
  throw new Error('ladder did not terminate');
}
const rungs = (h: Attempt[]) => h.map((a) => a.rung);

describe('decide', () => {
  it('the happy path: repair the tap, upgrade, check the version', () => {
    const { history, end } = walk({});
    expect(rungs(history)).toEqual(['tap-repair', 'upgrade', 'verify']);
    expect(end).toEqual({ kind: 'done' });
  });

  it('a failed upgrade walks the guide\'s repair ladder in order', () => {
    const { history, end } = walk({ upgrade: ['failed'] });
    expect(rungs(history)).toEqual(['tap-repair', 'upgrade', 'uninstall', 'untap', 'cleanup', 'tap', 'install', 'verify']);
    expect(end.kind).toBe('done');
  });

  it('a tap --repair or cleanup failure does not stop the ladder', () => {
    expect(walk({ 'tap-repair': ['failed'] }).end.kind).toBe('done');
    const { history, end } = walk({ upgrade: ['failed'], cleanup: ['failed'] });
    expect(rungs(history)).toContain('tap');
    expect(end.kind).toBe('done');
  });

  it('"No available formula" gets one brew update and one retry', () => {
    expect(rungs(walk({ upgrade: ['no-formula'] }).history)).toEqual(['tap-repair', 'upgrade', 'update', 'upgrade', 'verify']);
    const twice = walk({ upgrade: ['no-formula', 'no-formula'] });
    expect(rungs(twice.history).slice(0, 5)).toEqual(['tap-repair', 'upgrade', 'update', 'upgrade', 'uninstall']);
    const install = walk({ upgrade: ['failed'], install: ['no-formula', 'no-formula'] });
    expect(rungs(install.history).slice(-3)).toEqual(['install', 'update', 'install']);
    expect(install.end).toEqual({ kind: 'stop', failed: { rung: 'install', outcome: 'no-formula' } });
  });

  it('a tap-trust refusal upgrades by the fully qualified name', () => {
    expect(rungs(walk({ upgrade: ['untrusted'] }).history)).toEqual(['tap-repair', 'upgrade', 'upgrade-qualified', 'verify']);
    expect(rungs(walk({ upgrade: ['untrusted'], 'upgrade-qualified': ['failed'] }).history)).toContain('uninstall');
  });

  it('a version check that fails after the upgrade repairs; after the install it stops', () => {
    const { history, end } = walk({ verify: ['failed', 'failed'] });
    expect(rungs(history)).toEqual(['tap-repair', 'upgrade', 'verify', 'uninstall', 'untap', 'cleanup', 'tap', 'install', 'verify']);
    expect(end).toEqual({ kind: 'stop', failed: { rung: 'verify', outcome: 'failed' } });
  });

  it.each<RungId>(['uninstall', 'untap', 'tap', 'install'])('a failed %s stops the repair', (id) => {
    const { history, end } = walk({ upgrade: ['failed'], [id]: ['failed'] });
    expect(history.at(-1)).toEqual({ rung: id, outcome: 'failed' });
    expect(end).toEqual({ kind: 'stop', failed: { rung: id, outcome: 'failed' } });
  });

  it('a failed brew update stops once the repair is under way, and starts it otherwise', () => {
    expect(rungs(walk({ upgrade: ['no-formula'], update: ['failed'] }).history)).toContain('uninstall');
    const late = walk({ upgrade: ['failed'], install: ['no-formula'], update: ['failed'] });
    expect(late.end).toEqual({ kind: 'stop', failed: { rung: 'update', outcome: 'failed' } });
  });

  it('resuming starts at the repair ladder', () => {
    expect(rungs(walk({}, 'uninstall').history)).toEqual(['uninstall', 'untap', 'cleanup', 'tap', 'install', 'verify']);
  });

  it('every rung is reached by some path', () => {
    const paths = [walk({ upgrade: ['untrusted', 'no-formula'] }), walk({ upgrade: ['no-formula', 'failed'] })];
    const reached = new Set(paths.flatMap((p) => rungs(p.history)));
    for (const r of RUNGS) expect(reached, r.id).toContain(r.id);
  });

  it('for any outcomes: terminates, never untaps before uninstalling, never installs before tapping, stops on the last attempt', () => {
    const outcome = fc.constantFrom<Outcome>('ok', 'failed', 'no-formula', 'untrusted');
    // How often each implication below had its premise: none may be vacuous.
    const seen = { untap: 0, install: 0, stop: 0, done: 0 };
    fc.assert(fc.property(fc.array(outcome, { maxLength: 40 }), fc.constantFrom<'tap-repair' | 'uninstall'>('tap-repair', 'uninstall'), (outcomes, start) => {
      const history: Attempt[] = [];
      let d = decide(history, start);
      let i = 0;
      while (d.kind === 'run') {
        expect(history.length).toBeLessThan(20);
        history.push({ rung: d.rung, outcome: outcomes[i++] ?? 'ok' });
        d = decide(history, start);
      }
      const ok = (r: RungId) => history.findIndex((a) => a.rung === r && a.outcome === 'ok');
      const first = (r: RungId) => history.findIndex((a) => a.rung === r);
      if (first('untap') >= 0) expect(ok('uninstall')).toBeGreaterThanOrEqual(0);
      if (first('untap') >= 0) expect(ok('uninstall')).toBeLessThan(first('untap'));
      if (first('install') >= 0) expect(ok('tap')).toBeLessThan(first('install'));
      if (d.kind === 'stop') expect(d.failed).toEqual(history.at(-1));
      if (d.kind === 'done') expect(history.at(-1)).toEqual({ rung: 'verify', outcome: 'ok' });
      if (first('untap') >= 0) seen.untap++;
      if (first('install') >= 0) seen.install++;
      seen[d.kind]++;
    }));
    expect(seen.untap).toBeGreaterThan(0);
    expect(seen.install).toBeGreaterThan(0);
    expect(seen.stop).toBeGreaterThan(0);
    expect(seen.done).toBeGreaterThan(0);
  });
});

const result = (exitCode: number, stderr = '', stdout = ''): RunResult => ({ argv: ['brew'], exitCode, stdout, stderr, timedOut: false });

describe('classify', () => {
  it.each<[RungId, RunResult, Outcome]>([
    ['upgrade', result(0, 'Warning: duo-sso 3.4.0 already installed'), 'ok'],
    ['upgrade', result(1, 'Error: No available formula with the name "duo-sso".'), 'no-formula'],
    ['install', result(1, 'Error: No formulae or casks found for ats-operations/homebrew-tap/duo-sso.'), 'no-formula'],
    ['upgrade', result(1, 'Error: the tap ats-operations/tap is not trusted. Run brew trust'), 'untrusted'],
    ['upgrade', result(1, 'fatal: couldn\'t find remote ref refs/heads/master'), 'failed'],
    ['uninstall', result(1, 'Error: No such keg: /opt/homebrew/Cellar/duo-sso'), 'ok'],
    ['untap', result(1, 'Error: No available tap ats-operations/tap.'), 'ok'],
    ['untap', result(1, 'Error: Refusing to untap ats-operations/tap because it contains the following installed formulae:\nduo-sso'), 'failed'],
    ['tap', result(1, 'fatal: repository not found'), 'failed'],
    ['cleanup', { ...result(0), timedOut: true, exitCode: null }, 'failed'],
    ['upgrade', { ...result(0), exitCode: null, spawnError: 'not found' }, 'failed'],
  ])('%s %j → %s', (id, r, expected) => {
    expect(classify(id, r)).toBe(expected);
  });
});

describe('remedies and helpers', () => {
  it('every rung that can stop the ladder has advice and a command', () => {
    for (const r of RUNGS) {
      const remedy = remedyFor({ rung: r.id, command: r.argv.join(' '), exitCode: 1, outcome: 'failed', output: '' }, 'https://x.example/tap');
      expect(remedy.advice.length, r.id).toBeGreaterThan(20);
      expect(remedy.commands.length, r.id).toBeGreaterThan(0);
    }
    expect(remedyFor({ rung: 'install', command: '', exitCode: 1, outcome: 'untrusted', output: '' }, 'u').commands[0]).toEqual(['brew', 'trust', 'ats-operations/homebrew-tap']);
  });

  it('fills the tap URL into the re-tap command', () => {
    expect(displayArgv('tap', 'https://m.example/tap')).toEqual(['brew', 'tap', 'ats-operations/homebrew-tap', 'https://m.example/tap']);
  });

  it.each([
    ['3.5.0', '3.4.0', '3.5.0', true],
    ['3.4.0', '3.4.0', '3.5.0', false],
    ['3.5.1', undefined, '3.5.0', true],
    ['3.4.1', '3.4.0', undefined, true],
    ['3.4.0', '3.4.0', undefined, false],
    [undefined, '3.4.0', '3.5.0', false],
    ['3.5.0', undefined, undefined, true],
  ])('versionIsNew(%s, before %s, target %s) = %s', (found, before, target, expected) => {
    expect(versionIsNew(found, before, target)).toBe(expected);
  });
});
