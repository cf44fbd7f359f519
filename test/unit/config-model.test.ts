import { describe, expect, it } from 'vitest';
import { DEFAULTS, effectiveDuration, listProfiles } from '../../src/config/model.js';
import { POLICY } from '../../src/policy/caps.js';
import { buildConfig, renderConfig } from '../../src/config/init.js';

describe('model', () => {
  it('has the guide\'s defaults and the policy numbers', () => {
    expect(DEFAULTS).toEqual({
      url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
      session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
    });
    expect(POLICY).toMatchObject({ minSeconds: 900, productionCap: 3600, nonProductionCap: 14400, absoluteMax: 43200, duoSsoDefault: 28800 });
  });

  it('lists profiles with string account ids from numbers or strings, skipping junk', () => {
    const cfg = { profiles: { a: { aws_account_id: 626007623524, aws_role_name: 'admin' }, b: { aws_account_id: '012345678901', aws_role_name: 'devops', session_duration_seconds: 7200 }, c: 'junk', d: { aws_account_id: true } } };
    expect(listProfiles(cfg)).toEqual([
      { name: 'a', accountId: '626007623524', role: 'admin' },
      { name: 'b', accountId: '012345678901', role: 'devops', sessionDurationSeconds: 7200 },
      { name: 'd', accountId: '', role: '' },
    ]);
    for (const junk of [null, 1, 'x', [], { profiles: [] }, { profiles: null }]) expect(listProfiles(junk)).toEqual([]);
  });

  it('resolves the duration duo-sso will ask for: profile, else top level, else 28800', () => {
    const cfg = { session_duration_seconds: 3600, profiles: { own: { session_duration_seconds: 7200 }, inherits: {} } };
    expect(effectiveDuration(cfg, 'own')).toBe(7200);
    expect(effectiveDuration(cfg, 'inherits')).toBe(3600);
    expect(effectiveDuration(cfg, 'missing')).toBe(3600);
    expect(effectiveDuration(cfg)).toBe(3600);
    expect(effectiveDuration({})).toBe(28800);
    expect(effectiveDuration('junk', 'x')).toBe(28800);
  });

  it('takes profile names that are also Object.prototype members like any other name', () => {
    const config = buildConfig({ profiles: [
      { name: 'toString', accountId: '626007623524', role: 'admin' },
      { name: 'constructor', accountId: '012345678901', role: 'devops' },
    ] });
    expect(JSON.parse(renderConfig(config)).profiles).toEqual({
      toString: { aws_account_id: '626007623524', aws_role_name: 'admin', session_duration_seconds: 3600 },
      constructor: { aws_account_id: '012345678901', aws_role_name: 'devops', session_duration_seconds: 3600 },
    });
    expect(() => buildConfig({ profiles: [{ name: 'x', accountId: '626007623524', role: 'a' }, { name: 'x', accountId: '626007623524', role: 'b' }] })).toThrow(/profile "x" is given twice/);
  });
});
