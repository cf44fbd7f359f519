// One cancellation (issue 20 Build 1) for setup's steps: nothing starts after a Ctrl-C, and the
// summary says done / interrupted / not started (the checks' side is in doctor-runner.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { InterruptedError, interrupt, resetInterruptForTests } from '../../src/platform/interrupt.js';
import { runSteps, type SetupStep } from '../../src/install/setup/steps.js';
import { renderSetup } from '../../src/install/setup/render.js';
import { detectStyle } from '../../src/ui/style.js';
import type { Context } from '../../src/context.js';

afterEach(() => resetInterruptForTests());

const style = detectStyle({ NO_COLOR: '1', LANG: 'C.UTF-8' }, false, { noColor: true });

function stepsCtx(): Pick<Context, 'io' | 'options' | 'style'> & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    io: { out: () => {}, err: (t) => void lines.push(t), stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false },
    options: { json: false, yes: false, dryRun: true, verbose: false, color: false },
    style,
  };
}

describe('setup\'s steps under the run\'s cancellation', () => {
  it('done / interrupted / not started; no later step starts, and a dry run claims nothing after the Ctrl-C', async () => {
    const ran: string[] = [];
    const step = (id: string, run: () => Promise<never> | Promise<{ status: 'done'; detail: string }>): SetupStep => ({ id, title: id.toUpperCase(), run: () => ((ran.push(id)), run()) });
    const steps = [
      step('one', async () => ({ status: 'done', detail: 'did one' })),
      // Ctrl-C at the wizard's question: the prompt throws the interruption.
      step('two', async () => {
        interrupt('SIGINT');
        throw new InterruptedError('SIGINT');
      }),
      step('three', async () => ({ status: 'done', detail: 'would log in' })),
      step('four', async () => ({ status: 'done', detail: 'would verify' })),
    ];
    const ctx = stepsCtx();
    const reports = await runSteps(ctx as unknown as Context, steps);
    expect(ran).toEqual(['one', 'two']);
    expect(reports.map((r) => [r.id, r.status, r.detail])).toEqual([
      ['one', 'done', 'did one'],
      ['two', 'interrupted', 'interrupted'],
      ['three', 'not-started', 'not started (interrupted)'],
      ['four', 'not-started', 'not started (interrupted)'],
    ]);
    const text = renderSetup({ ok: false, dryRun: true, steps: reports }, style, { duoConfig: '/h/c.json' });
    expect(text).toBe([
      '',
      'Setup interrupted (dry run, nothing changed):',
      '✓ ONE: did one',
      '- TWO: interrupted',
      '- THREE: not started (interrupted)',
      '- FOUR: not started (interrupted)',
      '',
      'Run `duo-sso-setup setup --dry-run` again to finish: finished steps are skipped.',
      '',
    ].join('\n'));
    expect(text).not.toMatch(/would log in|Still to do/);
  });

  it('a step that ends normally after the Ctrl-C (its child was stopped, it said "done") is interrupted, not done', async () => {
    const steps: SetupStep[] = [{ id: 'login', title: 'Login', run: async () => ((interrupt('SIGINT')), { status: 'done', detail: 'would log in' }) }];
    const reports = await runSteps(stepsCtx() as unknown as Context, steps);
    expect(reports.map((r) => r.status)).toEqual(['interrupted']);
  });
});
