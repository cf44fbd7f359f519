import { describe, expect, it } from 'vitest';
import { brewPlan } from '../../src/upgrade/duo-sso-brew.js';
import { renderReport } from '../../src/upgrade/render.js';
import { plainReporter } from '../../src/upgrade/reporter.js';
import type { ComponentReport } from '../../src/upgrade/report.js';

const ascii = { color: false, unicode: false };
const URL = 'https://wwwin-github.cisco.com/ATS-operations/homebrew-tap';

describe('upgrade rendering', () => {
  it('a dry run shows the whole ladder, numbered, with the conditional steps', () => {
    const report: ComponentReport = { component: 'duo-sso', method: 'homebrew', status: 'planned', summary: 'would upgrade duo-sso 3.4.0 → 3.5.0 through Homebrew', plan: brewPlan(URL) };
    expect(renderReport(report, ascii, { rerun: 'duo-sso-setup upgrade duo-sso --yes' })).toBe(`-> duo-sso (homebrew): would upgrade duo-sso 3.4.0 -> 3.5.0 through Homebrew
  Plan:
    1. brew tap --repair ats-operations/homebrew-tap
    2. brew upgrade duo-sso
    3. duo-sso --version
  If that fails, the repair ladder:
    4. brew uninstall duo-sso
    5. brew untap ats-operations/homebrew-tap
    6. brew cleanup
    7. brew tap ats-operations/homebrew-tap ${URL}
    8. brew install ats-operations/homebrew-tap/duo-sso
  Only when needed:
    * brew update  (when "No available formula": the tap index is stale; then the step is retried once)
    * brew upgrade ats-operations/homebrew-tap/duo-sso  (when Homebrew refuses the tap as untrusted)
`);
  });

  it('a failure says what ran, what failed, what to do next and what is left', () => {
    const failedStep = { rung: 'untap', command: 'brew untap ats-operations/homebrew-tap', exitCode: 1, outcome: 'failed', output: 'Error: Permission denied', note: 'failed (exit 1)' };
    const report: ComponentReport = {
      component: 'duo-sso', method: 'homebrew', status: 'failed',
      summary: 'duo-sso upgrade failed at `brew untap ats-operations/homebrew-tap`: failed (exit 1)',
      details: ['duo-sso is NOT installed right now: the repair uninstalled it and stopped before reinstalling.'],
      steps: [
        { rung: 'upgrade', command: 'brew upgrade duo-sso', exitCode: 1, outcome: 'failed', output: '', note: 'failed (exit 1): trying the repair ladder' },
        { rung: 'uninstall', command: 'brew uninstall duo-sso', exitCode: 0, outcome: 'ok', output: '' },
        failedStep,
      ],
      failedStep,
      next: { advice: 'Force it.', commands: [['brew', 'untap', '--force', 'ats-operations/homebrew-tap']] },
      plan: brewPlan(URL).filter((p) => p.phase === 'repair' && p.command[1] !== 'uninstall'),
    };
    expect(renderReport(report, ascii, { rerun: 'duo-sso-setup upgrade duo-sso --yes' })).toBe(`[x] duo-sso (homebrew): duo-sso upgrade failed at \`brew untap ats-operations/homebrew-tap\`: failed (exit 1)
    duo-sso is NOT installed right now: the repair uninstalled it and stopped before reinstalling.
  What ran:
    [x] brew upgrade duo-sso - failed (exit 1): trying the repair ladder
    [ok] brew uninstall duo-sso
    [x] brew untap ats-operations/homebrew-tap - failed (exit 1)
  What failed: brew untap ats-operations/homebrew-tap (exit 1)
    Error: Permission denied
  What to do next:
    Force it.
      $ brew untap --force ats-operations/homebrew-tap
  Still to do:
    1. brew untap ats-operations/homebrew-tap
    2. brew cleanup
    3. brew tap ats-operations/homebrew-tap ${URL}
    4. brew install ats-operations/homebrew-tap/duo-sso
    or, once fixed, run again: duo-sso-setup upgrade duo-sso --yes
`);
  });

  it('keeps the Unicode arrow in a UTF-8 terminal', () => {
    const report: ComponentReport = { component: 'aws-cli', method: 'apt package', status: 'upgraded', summary: 'aws-cli upgraded 2.9.19 → 2.9.20' };
    expect(renderReport(report, { color: false, unicode: true }, { rerun: '' })).toBe('✓ aws-cli (apt package): aws-cli upgraded 2.9.19 → 2.9.20\n');
  });

  it('the plain progress reporter numbers steps and indents their output', async () => {
    let text = '';
    const reporter = plainReporter((t) => (text += t), ascii);
    const a = await reporter.step('Repair the tap', 'brew tap --repair ats-operations/homebrew-tap');
    await a.end('ok');
    const b = await reporter.step('Check SHA-256');
    b.line('expected: abc');
    b.line('   ');
    await b.end('fail', 'SHA-256 mismatch');
    expect(text).toBe(`1. Repair the tap
   $ brew tap --repair ats-operations/homebrew-tap
   [ok] done
2. Check SHA-256
   | expected: abc
   [x] SHA-256 mismatch
`);
  });
});
