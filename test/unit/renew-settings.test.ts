import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_BEFORE_SECONDS, isDue, renewalFor, withRenewal } from '../../src/credentials/renew-settings.js';
import { failureLine } from '../../src/credentials/renew.js';

describe('renewal settings', () => {
  it('off unless switched on for the profile; the off switch wins', () => {
    expect(renewalFor(undefined, 'p').enabled).toBe(false);
    const on = withRenewal<{ version: number; renewal?: unknown }>({ version: 1 }, ['p'], true);
    expect(renewalFor(on, 'p')).toEqual({ enabled: true, refreshBeforeMs: DEFAULT_REFRESH_BEFORE_SECONDS * 1000, timeoutMs: 120_000, backoffMs: 600_000 });
    expect(renewalFor(on, 'q').enabled).toBe(false);
    expect(renewalFor({ ...on, renewal: { ...(on.renewal as object), off: true } }, 'p').enabled).toBe(false);
    // A profile named like an Object.prototype key is not "on" by inheritance.
    expect(renewalFor(on, 'toString').enabled).toBe(false);
  });

  it('login --store never overrides an explicit --no-renew', () => {
    const off = withRenewal({}, ['p'], false);
    expect(renewalFor(withRenewal(off, ['p', 'q'], true, { onlyIfUnset: true }), 'p').enabled).toBe(false);
    expect(renewalFor(withRenewal(off, ['p', 'q'], true, { onlyIfUnset: true }), 'q').enabled).toBe(true);
  });

  it('damaged settings fall back to the defaults', () => {
    for (const renewal of [null, 'x', [], { refreshBeforeSeconds: -1 }, { refreshBeforeSeconds: 'x' }, { profiles: 'p' }]) {
      const r = renewalFor({ renewal }, 'p');
      expect(r.refreshBeforeMs).toBe(DEFAULT_REFRESH_BEFORE_SECONDS * 1000);
      expect(r.enabled).toBe(false);
    }
  });

  it('due within the refresh window, and once expired; never for long-term keys', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(isDue('2026-01-01T12:16:00Z', now, 15 * 60_000)).toBe(false);
    expect(isDue('2026-01-01T12:14:59Z', now, 15 * 60_000)).toBe(true);
    expect(isDue('2026-01-01T11:00:00Z', now, 15 * 60_000)).toBe(true);
    expect(isDue(undefined, now, 15 * 60_000)).toBe(false);
  });
});

describe('failureLine', () => {
  it('one line, login\'s advice for this profile', () => {
    expect(failureLine('eti', { id: 'first-run-certificate', message: 'needs a certificate\nmore', commands: [['duo-sso-setup', 'login', '--interactive']] }, 1))
      .toBe('could not renew the credentials of profile eti: needs a certificate; run `duo-sso-setup login --profile eti --interactive`');
    expect(failureLine('eti', undefined, null)).toBe('could not renew the credentials of profile eti: it did not finish in time (no Duo approval?); run `duo-sso-setup login --profile eti`');
  });
});
