// A profile the SSO does not grant: duo-sso's line read as an event, the refusal pinned on one
// profile only when that can be told, the end-of-login problem, and troubleshoot's entry.
import { describe, expect, it } from 'vitest';
import { parseLine, summarise } from '../../src/login/events.js';
import { classify } from '../../src/login/repair.js';
import { blameDenied, deniedProblem, type Denied } from '../../src/login/explain.js';
import { diagnose } from '../../src/knowledge/index.js';
import type { ProfileSummary } from '../../src/config/model.js';

const LINE = "Error: AWS account 333333333333 / role 'admin' for profile 'nope' is not available to you";
const prof = (name: string, accountId: string, role: string) => ({ name, accountId, role }) as ProfileSummary;

describe('not granted', () => {
  it('reads duo-sso\'s refusal with whatever it names, in several wordings', () => {
    expect(parseLine(`\u001b[31m${LINE}\u001b[0m`)).toEqual({ kind: 'not-available', profile: 'nope', role: 'admin', account: '333333333333', message: "AWS account 333333333333 / role 'admin' for profile 'nope' is not available to you" });
    expect(parseLine('✗ arn:aws:iam::123456789012:role/devops is not available to you')).toMatchObject({ kind: 'not-available', role: 'devops', account: '123456789012' });
    expect(parseLine('profile "x" is not available to you')).toMatchObject({ kind: 'not-available', profile: 'x' });
    // Not an account listing line, though it has a 12-digit number and a role-like last word.
    expect(parseLine(LINE).kind).not.toBe('role-listed');
  });

  it('classifies it as access denied for that profile', () => {
    const summary = summarise(['✔ SSO completed successfully', LINE]);
    expect(classify(summary, { exitCode: 1, timedOut: false })).toEqual({ kind: 'access-denied', role: 'admin', profile: 'nope', account: '333333333333', message: expect.stringContaining('not available to you') });
  });

  it('blames one profile only when the refusal or the run tells which', () => {
    const pending = [prof('a', '111111111111', 'admin'), prof('b', '222222222222', 'admin'), prof('c', '222222222222', 'readonly')];
    const sts = { kind: 'access-denied' as const, role: 'admin', message: 'Not authorized to perform sts:AssumeRoleWithSAML' };
    expect(blameDenied(sts, pending, undefined)).toBeUndefined(); // a and b share the role
    expect(blameDenied({ ...sts, role: 'readonly' }, pending, undefined)?.name).toBe('c');
    expect(blameDenied(sts, pending, 'b')?.name).toBe('b');
    expect(blameDenied({ ...sts, account: '111111111111' }, pending, undefined)?.name).toBe('a');
    expect(blameDenied({ ...sts, profile: 'b' }, pending, undefined)?.name).toBe('b');
    expect(blameDenied({ ...sts, profile: 'gone' }, pending, undefined)).toBeUndefined();
  });

  it('ends with who is refused, who logged in, and the exact commands', () => {
    const d: Denied = { profile: 'nope', account: '333333333333', role: 'admin', message: 'm', source: 'duo-sso', granted: [{ account: '333333333333', role: 'devops' }] };
    const p = deniedProblem([d], ['a'], '/h/.config/duo-sso/config.json');
    expect(p.message).toBe('nope is not granted to you: m');
    expect(p.details).toContain('Logged in: a.');
    expect(p.commands).toEqual([
      ['duo-sso-setup', 'config', 'add-profile', 'nope', '--account', '333333333333', '--role', 'devops', '--force'],
      ['duo-sso-setup', 'config', 'remove-profile', 'nope'],
    ]);
    const two = deniedProblem([d, { ...d, profile: 'x', granted: [] }], [], '/c.json', { id: 'gave-up', message: 'left: y', commands: [['duo-sso-setup', 'login', '--profile', 'y']] });
    expect(two.message).toBe('nope, x are not granted to you');
    expect(two.details).toContain('No profile logged in.');
    expect(two.details).toContain('Also: left: y');
    expect(two.commands.slice(-3)).toEqual([['duo-sso-setup', 'config', 'remove-profile', 'nope'], ['duo-sso-setup', 'config', 'remove-profile', 'x'], ['duo-sso-setup', 'login', '--profile', 'y']]);
  });

  it('troubleshoot knows the line and fills in the profile to drop', () => {
    const [hit] = diagnose(`✔ SSO completed successfully\n${LINE}\n`);
    expect(hit).toMatchObject({ id: 'profile-not-available', line: 2, facts: { profile: 'nope', account: '333333333333' } });
    expect(hit!.fix.commands).toContainEqual(['duo-sso-setup', 'config', 'remove-profile', 'nope']);
    expect(diagnose('the role you asked for is not available to you')[0]?.id).toBe('profile-not-available');
  });
});
