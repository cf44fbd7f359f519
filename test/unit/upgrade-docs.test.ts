// docs/upgrade.md must name every command the ladder and the remedies can run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAP_URL } from '../../src/brew/names.js';
import { RUNGS } from '../../src/upgrade/ladder.js';
import { remedyFor } from '../../src/upgrade/remedies.js';
import { displayArgv } from '../../src/upgrade/run-ladder.js';

const doc = readFileSync(new URL('../../docs/upgrade.md', import.meta.url), 'utf8');

describe('docs/upgrade.md', () => {
  it('shows every rung of the ladder', () => {
    for (const r of RUNGS) {
      const command = displayArgv(r.id, 'URL').join(' ');
      expect(doc, r.id).toContain(command);
    }
    expect(doc).toContain(DEFAULT_TAP_URL);
  });

  it('gives the same next steps as the report for every failure', () => {
    for (const r of RUNGS) {
      for (const outcome of ['failed', 'untrusted', 'no-formula'] as const) {
        for (const c of remedyFor({ rung: r.id, command: '', exitCode: 1, outcome, output: '' }, 'URL').commands) {
          expect(doc, `${r.id}/${outcome}`).toContain(c.join(' '));
        }
      }
    }
  });
});
