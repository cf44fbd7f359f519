import { describe, expect, it } from 'vitest';
import { renderLogin, nextCommands, formatExpiry, type LoginReport } from '../../src/login/render.js';
import { renderStatus } from '../../src/login/status-command.js';

const plain = { color: false, unicode: true };
const ascii = { color: false, unicode: false };
const now = new Date(2026, 0, 1, 10, 0, 0);

describe('renderLogin', () => {
  const report: LoginReport = {
    ok: true,
    dryRun: false,
    runs: [],
    repairs: [{ kind: 'lower-duration', profile: 'short', scope: 'profile', from: 14400, to: 3600, file: '/h/config.json', backup: '/h/config.json.x.bak' }],
    profiles: [
      { name: 'short', saved: true, verified: true, identity: { arn: 'arn:aws:sts::111111111111:assumed-role/admin/me', account: '111111111111', userId: 'AROA:me' }, expires: new Date(2026, 0, 1, 11, 0, 0).toISOString() },
      { name: 'long-name', saved: true, verified: false, error: { code: 'ExpiredToken', message: 'The security token included in the request is expired' } },
    ],
  };
  it('prints repairs, one line per profile and the next commands, without colour codes', () => {
    expect(renderLogin(report, plain, { json: false, os: 'linux', now }).out).toBe([
      '→ lowered short\'s session_duration_seconds 14400 → 3600 in /h/config.json (backup: /h/config.json.x.bak)',
      '✓ short      arn:aws:sts::111111111111:assumed-role/admin/me  expires 11:00 (in 60 min)',
      '✗ long-name  ExpiredToken: The security token included in the request is expired',
      '',
      'Next:',
      '  $ aws sts get-caller-identity --profile short',
      '  $ export AWS_PROFILE=short',
      '',
    ].join('\n'));
  });
  it('uses ASCII marks without a UTF-8 locale and PowerShell syntax on Windows', () => {
    const out = renderLogin(report, ascii, { json: false, os: 'win32', now }).out;
    expect(out).toContain('[ok] short ');
    expect(out).toContain("$env:AWS_PROFILE = 'short'");
  });
  it('puts one JSON document on stdout and the clock warning on stderr', () => {
    const r = renderLogin({ ...report, clock: { skewSeconds: 400, level: 'fail', summary: 'this clock is 7 min behind AWS', fix: [['sudo', 'timedatectl', 'set-ntp', 'true']] } }, plain, { json: true, os: 'linux', now });
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, next: nextCommands('short', 'linux') });
    expect(r.err).toContain('clock: this clock is 7 min behind AWS');
    expect(r.err).toContain('$ sudo timedatectl set-ntp true');
  });
});

describe('formatExpiry', () => {
  it.each([
    [new Date(2026, 0, 1, 14, 0), '14:00 (in 4 h)'],
    [new Date(2026, 0, 1, 10, 30), '10:30 (in 30 min)'],
    [new Date(2026, 0, 1, 9, 0), '09:00 (expired)'],
  ])('%s', (at, text) => {
    expect(formatExpiry(at.toISOString(), now)).toBe(text);
  });
});

describe('renderStatus', () => {
  it('lists profiles with the command that fixes each bad one', () => {
    const text = renderStatus({
      configPath: '/h/config.json',
      credentialsPath: '/h/credentials',
      source: 'config',
      profiles: [
        { name: 'dev', account: '111111111111', role: 'admin', state: 'valid', expires: new Date(2026, 0, 1, 12, 0).toISOString(), expiresFrom: 'login' },
        { name: 'prod', account: '222222222222', role: 'admin', state: 'missing' },
        { name: 'old', state: 'expired', expires: new Date(2026, 0, 1, 9, 0).toISOString(), expiresFrom: 'credentials-file' },
      ],
    }, plain, now);
    expect(text).toBe([
      '✓ dev   111111111111 admin  expires 12:00 (in 2 h)',
      '✗ prod  222222222222 admin  no credentials',
      '        $ duo-sso-setup login --profile prod',
      '✗ old   expired 09:00',
      '        $ duo-sso-setup login --profile old',
      '',
    ].join('\n'));
  });
});
