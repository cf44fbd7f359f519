import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/config/fix.js';
import { validateText, type PolicyContext } from '../../src/config/validate.js';
import type { Finding } from '../../src/config/findings.js';

const BASE = {
  url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
  session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
};
const p = (aws_account_id: unknown, aws_role_name: unknown = 'admin', extra: Record<string, unknown> = {}) => ({ aws_account_id, aws_role_name, ...extra });
const brief = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.id} ${f.path}`);
const check = (doc: unknown, policy: PolicyContext = {}) => brief(validateText(JSON.stringify(doc, null, 2), policy));

describe('validateText', () => {
  it('accepts both shapes of the guide', () => {
    expect(check(BASE)).toEqual([]);
    expect(check({ ...BASE, profiles: { eticloud: p('626007623524'), 'eticloud-scratch': p('380642323071', 'admin', { session_duration_seconds: 3600 }) } })).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['missing top-level duration (duo-sso asks for 28800)', { ...BASE, session_duration_seconds: undefined }, ['fail duration-missing session_duration_seconds']],
    ['missing top-level duration when every profile has its own', { ...BASE, session_duration_seconds: undefined, profiles: { a: p('626007623524', 'admin', { session_duration_seconds: 3600 }) } }, ['warn duration-missing session_duration_seconds']],
    ['top-level below the STS minimum', { ...BASE, session_duration_seconds: 600 }, ['fail duration-invalid session_duration_seconds']],
    ['top-level as a string', { ...BASE, session_duration_seconds: '3600' }, ['fail duration-invalid session_duration_seconds']],
    ['top-level above the non-production cap', { ...BASE, session_duration_seconds: 28800 }, ['warn duration-over-cap session_duration_seconds']],
    ['profile above the non-production cap', { ...BASE, profiles: { s: p('012345678901', 'devops', { session_duration_seconds: 28800 }) } }, ['warn duration-over-cap profiles.s.session_duration_seconds']],
    ['profile above the absolute maximum', { ...BASE, profiles: { s: p('012345678901', 'devops', { session_duration_seconds: 50000 }) } }, ['fail duration-invalid profiles.s.session_duration_seconds']],
    ['numeric account id', { ...BASE, profiles: { e: p(626007623524) } }, ['info account-id-number profiles.e.aws_account_id']],
    ['numeric account id that lost its leading zero', { ...BASE, profiles: { e: p(12345678901) } }, ['warn account-id-lost-zero profiles.e.aws_account_id']],
    ['account id with 11 digits as a string', { ...BASE, profiles: { e: p('12345678901') } }, ['fail account-id-invalid profiles.e.aws_account_id']],
    ['missing account and role', { ...BASE, profiles: { e: {} } }, ['fail account-id-missing profiles.e.aws_account_id', 'fail role-missing profiles.e.aws_role_name']],
    ['role with a space', { ...BASE, profiles: { e: p('626007623524', 'my role') } }, ['fail role-invalid profiles.e.aws_role_name']],
    ['profile name with a space', { ...BASE, profiles: { 'my prof': p('626007623524') } }, ['fail profile-name profiles["my prof"]']],
    ['duplicate account/role', { ...BASE, profiles: { a: p('626007623524'), b: p(626007623524) } }, ['info account-id-number profiles.b.aws_account_id', 'warn duplicate-profile profiles.b']],
    ['unknown factor', { ...BASE, preferred_factor: 'telepathy' }, ['warn unknown-factor preferred_factor']],
    ['debug output on', { ...BASE, debug: true }, ['warn debug-on debug']],
    ['debug as a string', { ...BASE, debug: 'false' }, ['fail wrong-type debug']],
    ['partner_spid not AWS', { ...BASE, partner_spid: 'https://example.com/saml' }, ['warn saml-url partner_spid']],
    ['missing url', { ...BASE, url: undefined }, ['warn missing-key url']],
    ['misspelt key', { ...BASE, session_duration: 3600 }, ['warn unknown-key session_duration']],
    ['unknown key', { ...BASE, my_note: 'x' }, ['info unknown-key my_note']],
    ['profiles as an array', { ...BASE, profiles: [] }, ['fail profiles-not-object profiles']],
    ['a profile that is a string', { ...BASE, profiles: { a: 'x' } }, ['fail profile-not-object profiles.a']],
    ['not an object', [1, 2], ['fail not-object ']],
  ])('%s', (_name, doc, expected) => {
    expect(check(doc)).toEqual(expected);
  });

  it('applies the production cap to production profiles and to a top level they inherit', () => {
    const doc = { ...BASE, session_duration_seconds: 7200, profiles: { prod: p('626007623524'), dev: p('012345678901', 'admin', { session_duration_seconds: 7200 }) } };
    expect(check(doc)).toEqual([]);
    expect(check(doc, { production: ['prod'] })).toEqual(['warn duration-over-cap session_duration_seconds']);
    expect(check(doc, { production: ['dev'] })).toEqual(['warn duration-over-cap profiles.dev.session_duration_seconds']);
  });

  it('uses a learned role maximum: longer fails, approved longer passes', () => {
    const doc = { ...BASE, profiles: { s: p('012345678901', 'devops', { session_duration_seconds: 28800 }) } };
    expect(check(doc, { roleMaxima: { '012345678901:devops': 7200 } })).toEqual(['fail duration-over-role-max profiles.s.session_duration_seconds']);
    expect(check(doc, { roleMaxima: { '012345678901:devops': 43200 } })).toEqual([]);
  });

  it('fails a duration STS already refused for the profile (from state.json), and fixes it to 3600', () => {
    const doc = { ...BASE, profiles: { s: p('012345678901', 'devops', { session_duration_seconds: 7200 }) } };
    expect(check(doc, { refused: { s: 7200 } })).toEqual(['fail duration-refused profiles.s.session_duration_seconds']);
    expect(check(doc, { refused: { s: 10800 } })).toEqual([]);
    const [f] = validateText(JSON.stringify(doc), { refused: { s: 3600 } });
    expect(f).toMatchObject({ id: 'duration-refused', fix: { automatic: false } });
  });

  it('reports syntax errors with line, column and a caret', () => {
    const [f, ...rest] = validateText('{\n  "url": "https://cloudsso.cisco.com",\n}\n');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'json-syntax', severity: 'fail', position: { line: 3, column: 1 } });
    expect(f!.message).toBe("config.json:3:1: expected a property name in double quotes: remove the trailing comma at 2:38 (JSON allows none before '}')");
    expect(f!.position!.excerpt).toBe('3 | }\n    ^');
    expect(validateText('{\n  "url": "x",\n  "profiles": {\n')[0]).toMatchObject({ id: 'json-syntax', position: { line: 4, column: 1 } });
  });

  it('names the usual causes of syntax errors: a trailing comma (with its position), a truncated file, a number with a leading zero', () => {
    expect(validateText('{"a": [1, 2,\n  ]}')[0]!.message).toBe("config.json:2:3: expected a value: remove the trailing comma at 1:12 (JSON allows none before ']')");
    expect(validateText('{\n  "profiles": {\n    "x": {"aws_account_id": "626007623524",\n')[0]!.message)
      .toBe('config.json:4:1: expected a property name in double quotes: the file ends in the middle of the document (truncated?)');
    expect(validateText('{"url": "x"\n')[0]!.message).toBe("config.json:2:1: expected '}': the file ends in the middle of the document (truncated?)");
    // An id typed as a number with its leading zero: the parser says "expected ','" after the 0.
    const zero = validateText('{\n  "profiles": {"a": {"aws_account_id": 012345678901, "aws_role_name": "admin"}}\n}\n')[0]!;
    expect(zero.message).toBe('config.json:2:40: the number 012345678901 starts with 0, which JSON numbers cannot: write it as the string "012345678901" (an account id keeps its leading zero only as a string)');
    expect(zero.position!.excerpt.split('\n')[1]).toBe(`${' '.repeat('2 | '.length + 39)}^`);
    expect(validateText('{"session_duration_seconds": 03600}')[0]!.message).toMatch(/^config\.json:1:30: the number 03600 starts with 0, .*"03600"$/);
    // Neither: the parser's own words only.
    expect(validateText('{"url": , "debug": false}')[0]!.message).toBe('config.json:1:9: expected a value');
  });

  it('warns about a duration written 3600.0 or 3.6e3 (Go refuses it for a whole number), and fix writes it plainly', () => {
    const text = `{\n  "url": "https://cloudsso.cisco.com", "partner_spid": "https://signin.aws.amazon.com/saml", "aws_urn": "https://signin.aws.amazon.com/saml",\n  "session_duration_seconds": 3600.0,\n  "profiles": {"a": {"aws_account_id": "012345678901", "aws_role_name": "admin", "session_duration_seconds": 3.6e3}}\n}\n`;
    expect(validateText(text).map((f) => `${f.severity} ${f.id} ${f.path}`)).toEqual([
      'warn duration-invalid session_duration_seconds',
      'warn duration-invalid profiles.a.session_duration_seconds',
    ]);
    expect(validateText(text)[0]!.message).toBe('session_duration_seconds is written 3600.0; duo-sso\'s Go decoder refuses a decimal point or exponent in a whole number: write 3600');
    const fixed = fixText(text);
    expect(fixed).toMatchObject({ kind: 'fixed', remaining: [] });
    expect((fixed as { text: string }).text).toBe(text.replace('3600.0', '3600').replace('3.6e3', '3600'));
    // A value the policy checks already report is fixed by them, not reported twice.
    expect(validateText(text.replace('3600.0', '28800.0')).filter((f) => f.path === 'session_duration_seconds').map((f) => f.id)).toEqual(['duration-over-cap']);
  });

  it('warns about a key written twice, and fix leaves it alone instead of editing the copy duo-sso does not read', () => {
    const text = '{\n  "url": "https://cloudsso.cisco.com", "partner_spid": "https://signin.aws.amazon.com/saml", "aws_urn": "https://signin.aws.amazon.com/saml",\n  "session_duration_seconds": 3600,\n  "session_duration_seconds": 28800,\n  "profiles": {"a": {"aws_account_id": 626007623524, "aws_role_name": "admin", "aws_role_name": "devops"}}\n}\n';
    expect(brief(validateText(text))).toEqual([
      'warn duration-over-cap session_duration_seconds',
      'info account-id-number profiles.a.aws_account_id',
      'warn duplicate-key session_duration_seconds',
      'warn duplicate-key profiles.a.aws_role_name',
    ]);
    expect(validateText(text).find((f) => f.id === 'duplicate-key')!.message).toBe('"session_duration_seconds" is written 2 times; duo-sso uses the last one');
    expect(validateText(text)[0]!.fix).toEqual({ description: 'Set it to 3600. By hand: the key is written twice.', automatic: false });
    const fixed = fixText(text);
    // The id is still written as a string; the doubled duration is not touched (it used to edit the first copy, 3600, and report a fix).
    expect(fixed).toMatchObject({ kind: 'fixed', changed: true });
    expect((fixed as { applied: Finding[] }).applied.map((f) => f.path)).toEqual(['profiles.a.aws_account_id']);
    expect((fixed as { text: string }).text).toBe(text.replace('626007623524', '"626007623524"'));
  });

  it('does not offer the BOM fix as automatic on a file that does not parse (fix would refuse it)', () => {
    const [bom, syntax] = validateText('\uFEFF{"url": ');
    expect(bom).toMatchObject({ id: 'bom', fix: { automatic: false, description: 'Remove the BOM once the syntax error is corrected (config fix does it then).' } });
    expect(syntax!.id).toBe('json-syntax');
    expect(validateText(`\uFEFF${JSON.stringify(BASE)}`)[0]!.fix).toMatchObject({ automatic: true, edit: { op: 'strip-bom' } });
  });

  it('reports a byte-order mark, which Go refuses', () => {
    expect(brief(validateText(`\uFEFF${JSON.stringify(BASE)}`))).toEqual(['fail bom ']);
  });

  it('gives every automatic finding an edit, and none to the others', () => {
    const fs = validateText(JSON.stringify({ ...BASE, session_duration_seconds: undefined, url: undefined, preferred_factor: 'x', profiles: { e: p(12345678901, 'admin', { session_duration_seconds: 99999 }) } }));
    for (const f of fs) expect(Boolean(f.fix?.edit), f.id).toBe(Boolean(f.fix?.automatic));
    expect(fs.filter((f) => f.fix?.automatic).map((f) => f.id).sort()).toEqual(['account-id-lost-zero', 'duration-invalid', 'duration-missing', 'missing-key']);
  });
});

describe('validateText: where each finding is (line:column), for the editor', () => {
  const text = [
    '{',
    '  "url": "https://cloudsso.cisco.com",',
    '  "session_duration_seconds": "3600",',
    '  "profiles": {',
    '    "my dev": { "aws_acount_id": "123456789012", "aws_role_name": "devops" }',
    '  },',
    '  "debug": "true"',
    '}',
    '',
  ].join('\n');
  const at = (path: string) => {
    const found = validateText(text, {}, '/h/config.json').filter((f) => f.path === path);
    expect(found, path).toHaveLength(1);
    return found[0]!.position;
  };

  it('a wrong value: at its key, with the caret excerpt', () => {
    expect(at('debug')).toEqual({ line: 7, column: 3, excerpt: '7 |   "debug": "true"\n      ^' });
    expect(at('session_duration_seconds')).toMatchObject({ line: 3, column: 3 });
  });

  it('a key inside a profile whose name needs quotes (profiles["my dev"]): at that key', () => {
    expect(at('profiles["my dev"].aws_acount_id')).toMatchObject({ line: 5, column: 17 });
  });

  it('a missing key: at the object that lacks it; a missing top-level key: nowhere', () => {
    expect(at('profiles["my dev"].aws_account_id')).toMatchObject({ line: 5, column: 5 });
    expect(at('partner_spid')).toBeUndefined();
  });
});
