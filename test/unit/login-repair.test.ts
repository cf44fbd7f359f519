import { describe, expect, it } from 'vitest';
import { classify, durationTarget, suspects } from '../../src/login/repair.js';
import { summarise } from '../../src/login/events.js';
import { findMisplaced, moveMisplaced } from '../../src/aws/credentials-file.js';
import { getSection } from '../../src/aws/ini.js';
import type { ProfileSummary } from '../../src/config/model.js';
import { skewFromDate } from '../../src/aws/sts.js';
import { describeSkew, skewLevel, timeSyncCommands } from '../../src/login/clock.js';

const ok = { exitCode: 0, timedOut: false };
const failed = { exitCode: 1, timedOut: false };
const sts = (code: string, message: string) => summarise([`Failed to Assume Role 'admin' via STS: ${code}: ${message}`]);

describe('classify', () => {
  it.each([
    [sts('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role'), failed, { kind: 'max-session-duration', role: 'admin' }],
    [sts('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'), failed, { kind: 'role-chaining', role: 'admin' }],
    [sts('ExpiredTokenException', 'Token must be redeemed within 5 minutes of issuance'), failed, { kind: 'expired-assertion', role: 'admin' }],
    [sts('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML'), failed, { kind: 'access-denied', role: 'admin', message: 'Not authorized to perform sts:AssumeRoleWithSAML' }],
    [sts('IDPRejectedClaim', 'Error: Invalid SAML response'), failed, { kind: 'other', detail: 'IDPRejectedClaim: Error: Invalid SAML response' }],
    [summarise(['Error: select a client certificate; run with -interactive']), failed, { kind: 'first-run-certificate' }],
    [summarise(['Error: boom']), failed, { kind: 'other', detail: 'boom' }],
    [summarise([]), { exitCode: null, timedOut: true }, { kind: 'other', detail: expect.stringMatching(/did not finish in time/) }],
    [summarise(["✔ AWS Credentials saved for profile 'x'"]), ok, undefined],
  ])('%#', (summary, exit, expected) => {
    expect(classify(summary, exit)).toEqual(expected);
  });
});

const p = (name: string, role: string, sessionDurationSeconds?: number): ProfileSummary => ({ name, accountId: '111111111111', role, ...(sessionDurationSeconds ? { sessionDurationSeconds } : {}) });

describe('suspects', () => {
  const profiles = [p('a', 'admin', 14400), p('b', 'admin', 3600), p('c', 'devops', 14400), p('d', 'admin', 14400), p('e', 'admin', 7200)];
  const duration = (x: ProfileSummary) => x.sessionDurationSeconds ?? 3600;
  it('keeps profiles with the refused role, not saved, above 3600 s, not known to work at that duration', () => {
    const found = suspects(profiles, ['d'], 'admin', duration, (x) => (x.name === 'e' ? 7200 : undefined));
    expect(found.map((x) => x.name)).toEqual(['a']);
  });
  it('finds several when the role name is shared', () => {
    expect(suspects(profiles, [], 'admin', duration, () => undefined).map((x) => x.name)).toEqual(['a', 'd', 'e']);
  });
  it('ignores what worked before when it would clear every profile (the role\'s maximum was lowered since)', () => {
    expect(suspects(profiles, ['d', 'e'], 'admin', duration, (x) => (x.name === 'a' ? 14400 : undefined)).map((x) => x.name)).toEqual(['a']);
  });
});

describe('durationTarget', () => {
  it('writes on the profile unless it inherits a top level no other profile uses', () => {
    expect(durationTarget(p('a', 'admin', 14400), [p('a', 'admin', 14400), p('b', 'admin')])).toEqual({ scope: 'profile' });
    expect(durationTarget(p('a', 'admin'), [p('a', 'admin'), p('b', 'admin')])).toEqual({ scope: 'profile' });
    expect(durationTarget(p('a', 'admin'), [p('a', 'admin'), p('b', 'admin', 3600)])).toEqual({ scope: 'top-level' });
  });
});

describe('credentials under [default]', () => {
  const before = '# keep me\n[default]\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\nregion_hint = x\n\n[dev]\naws_access_key_id = ASIAOLDDEV\n';
  it('finds profiles whose keys landed under [default] and moves them, restoring [default]', () => {
    const seen: Parameters<typeof findMisplaced>[1] = [
      { profile: 'dev', own: getSection(before, 'dev'), fallback: { aws_access_key_id: 'ASIANEW1', aws_secret_access_key: 's1', aws_session_token: 't1' } },
      { profile: 'prod', own: undefined, fallback: { aws_access_key_id: 'ASIANEW2', aws_secret_access_key: 's2', aws_session_token: 't2' } },
      { profile: 'ok', own: { aws_access_key_id: 'ASIANEW3', aws_secret_access_key: 's3' }, fallback: { aws_access_key_id: 'ASIANEW2', aws_secret_access_key: 's2' } },
    ];
    const misplaced = findMisplaced(before, seen);
    expect(misplaced.map((m) => m.profile)).toEqual(['dev', 'prod']);
    const after = '# keep me\n[default]\naws_access_key_id = ASIANEW2\naws_secret_access_key = s2\naws_session_token = t2\n\n[dev]\naws_access_key_id = ASIAOLDDEV\n';
    const fixed = moveMisplaced(after, misplaced, getSection(before, 'default'));
    expect(getSection(fixed, 'default')).toEqual({ aws_access_key_id: 'AKIAOLD', aws_secret_access_key: 'old', region_hint: 'x' });
    expect(getSection(fixed, 'dev')).toEqual({ aws_access_key_id: 'ASIANEW1', aws_secret_access_key: 's1', aws_session_token: 't1' });
    expect(getSection(fixed, 'prod')).toEqual({ aws_access_key_id: 'ASIANEW2', aws_secret_access_key: 's2', aws_session_token: 't2' });
    expect(fixed.startsWith('# keep me\n')).toBe(true);
  });
  it('removes [default] when there was none before', () => {
    const misplaced = findMisplaced(undefined, [{ profile: 'dev', own: undefined, fallback: { aws_access_key_id: 'ASIA1', aws_secret_access_key: 's' } }]);
    expect(moveMisplaced('[default]\naws_access_key_id = ASIA1\naws_secret_access_key = s\n', misplaced, undefined)).toBe('[dev]\naws_access_key_id = ASIA1\naws_secret_access_key = s\n');
  });
});

describe('clock', () => {
  it('reads skew from a Date header and grades it', () => {
    const sent = Date.parse('2026-01-01T00:00:00.000Z');
    expect(skewFromDate('Thu, 01 Jan 2026 00:02:00 GMT', sent, sent + 200)).toBe(120);
    expect(skewFromDate('Wed, 31 Dec 2025 23:50:00 GMT', sent + 500, sent + 500)).toBe(-600);
    expect(skewFromDate('nonsense', sent, sent)).toBeUndefined();
    expect([skewLevel(30), skewLevel(-61), skewLevel(301)]).toEqual(['ok', 'warn', 'fail']);
    // "beyond 60 s" and "beyond 5 min": the thresholds themselves are still the milder level.
    expect([skewLevel(60), skewLevel(-60), skewLevel(300), skewLevel(-300)]).toEqual(['ok', 'ok', 'warn', 'warn']);
    expect(describeSkew(-600)).toBe('this clock is 10 min ahead of AWS');
    expect(describeSkew(90)).toBe('this clock is 90 s behind AWS');
    expect(timeSyncCommands({ os: 'linux', wsl: true })).toEqual([['sudo', 'hwclock', '-s']]);
    expect(timeSyncCommands({ os: 'darwin', wsl: false })[0]![0]).toBe('sudo');
  });
});
