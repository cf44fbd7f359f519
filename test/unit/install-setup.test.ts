import { describe, expect, it } from 'vitest';
import { missingComponents } from '../../src/install/setup/detect.js';
import { renderSetup } from '../../src/install/setup/render.js';
import type { Outcome } from '../../src/doctor/run-checks.js';
import type { CheckResult, Status } from '../../src/check/types.js';

function outcomes(statuses: Record<string, Status | [Status, string]>): Outcome[] {
  return Object.entries(statuses).map(([id, s]) => {
    const [status, summary] = Array.isArray(s) ? s : [s, ''];
    const result: CheckResult = { status, summary, details: [] };
    return { check: { id, title: id, run: async () => result }, result, durationMs: 0 };
  });
}

describe('setup: what to install, from the doctor\'s verdicts', () => {
  it.each([
    [{ 'aws-cli': 'ok', 'duo-sso': 'ok', gpg: 'ok', pass: 'ok' }, []],
    [{ 'aws-cli': ['fail', 'not found on PATH'], 'duo-sso': 'fail', gpg: 'ok', pass: 'fail' }, ['aws-cli', 'duo-sso', 'pass-gpg']],
    [{ 'aws-cli': ['warn', 'aws-cli 1.29.0 is v1'], 'duo-sso': 'ok', gpg: 'fail', pass: 'ok' }, ['aws-cli', 'pass-gpg']],
    // A v1 shadowing v2 is a PATH problem, not a missing install.
    [{ 'aws-cli': ['fail', 'aws-cli 1.29.0 (v1) at /x/aws shadows v2 at /usr/bin/aws'], 'duo-sso': 'ok' }, []],
    // macOS and Windows: gpg and pass are skipped, so never installed.
    [{ 'aws-cli': 'ok', 'duo-sso': 'fail', gpg: 'skip', pass: 'skip' }, ['duo-sso']],
    // gpg warns about GPG_TTY only: nothing to install.
    [{ 'aws-cli': 'ok', 'duo-sso': 'ok', gpg: 'warn', pass: 'ok' }, []],
  ] as const)('%o → %o', (statuses, expected) => {
    expect(missingComponents(outcomes(statuses as never))).toEqual(expected);
  });
});

describe('setup summary', () => {
  const report = { ok: true, dryRun: false, steps: [{ id: 'login', title: 'First login', status: 'done' as const, detail: 'logged in' }] };
  const style = { color: false, unicode: true };
  it('names a real profile from the config in the next steps', () => {
    const text = renderSetup(report, style, { duoConfig: '/h/.config/duo-sso/config.json' }, ['eticloud', 'sandbox']);
    expect(text).toContain('  aws sts get-caller-identity --profile eticloud   # also: sandbox\n');
  });
  it('falls back to NAME without profiles (duo-sso asks which role)', () => {
    expect(renderSetup(report, style, { duoConfig: '/c' })).toContain('--profile NAME   # use a profile from the config');
  });
});
