import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixText } from '../../src/config/fix.js';
import { applyConfigFix } from '../../src/config/apply-fix.js';
import { listBackups } from '../../src/fs/safe-write.js';

// The done-when case: no top-level duration, a profile at 28800, an unknown key, odd formatting.
const BROKEN = `{
    "url": "https://cloudsso.cisco.com",
    "partner_spid": "https://signin.aws.amazon.com/saml",
    "aws_urn":      "https://signin.aws.amazon.com/saml",
    "team_note": "ask #aws-help",
    "profiles": {
        "scratch": { "aws_account_id": 12345678901, "aws_role_name": "devops", "session_duration_seconds": 28800 }
    }
}
`;
const FIXED = `{
    "url": "https://cloudsso.cisco.com",
    "partner_spid": "https://signin.aws.amazon.com/saml",
    "aws_urn":      "https://signin.aws.amazon.com/saml",
    "session_duration_seconds": 3600,
    "team_note": "ask #aws-help",
    "profiles": {
        "scratch": { "aws_account_id": "012345678901", "aws_role_name": "devops", "session_duration_seconds": 14400 }
    }
}
`;

describe('fixText', () => {
  it('repairs durations and account ids in place, keeping formatting and unknown keys', () => {
    const r = fixText(BROKEN);
    expect(r.kind).toBe('fixed');
    if (r.kind !== 'fixed') return;
    expect(r.text).toBe(FIXED);
    expect(r.applied.map((f) => f.id).sort()).toEqual(['account-id-lost-zero', 'duration-missing', 'duration-over-cap']);
    expect(r.remaining.map((f) => `${f.severity} ${f.id}`)).toEqual(['info unknown-key']);
  });

  it('lowers a production profile to 3600', () => {
    const r = fixText(BROKEN, { production: ['scratch'] });
    expect(r.kind === 'fixed' && JSON.parse(r.text).profiles.scratch.session_duration_seconds).toBe(3600);
  });

  it('applies only the findings a doctor check owns', () => {
    const r = fixText(BROKEN, {}, (f) => f.id.startsWith('duration-'));
    expect(r.kind === 'fixed' && JSON.parse(r.text).profiles.scratch.aws_account_id).toBe(12345678901);
  });

  it('is idempotent', () => {
    const r = fixText(FIXED);
    expect(r).toMatchObject({ kind: 'fixed', changed: false, text: FIXED, applied: [] });
  });

  it('strips a BOM and restores missing keys in the guide\'s order', () => {
    const r = fixText('\uFEFF{\n  "session_duration_seconds": 3600\n}\n');
    expect(r.kind === 'fixed' && r.text).toBe('{\n  "url": "https://cloudsso.cisco.com",\n  "partner_spid": "https://signin.aws.amazon.com/saml",\n  "aws_urn": "https://signin.aws.amazon.com/saml",\n  "session_duration_seconds": 3600\n}\n');
  });

  it.each(['{\n  "url": "x",\n  "profiles": {\n', '{\n  "url": "x",,\n}\n', '{\n  "url": "x",\n  // note\n  "a": }\n', '', '[1]', '"x"'])('never rewrites a document that does not parse as an object, or whose syntax errors are not all repairable: %j', (text) => {
    expect(fixText(text).kind).toBe('unparseable');
  });

  it('repairs the common syntax errors, each one named, and leaves the rest of the text as it was', () => {
    const text = '{\n  "url": "https://cloudsso.cisco.com",\n  // our team\n  partner_spid: "https://signin.aws.amazon.com/saml",\n  "aws_urn": "https://signin.aws.amazon.com/saml"\n  "session_duration_seconds": 3600,\n}\n';
    const r = fixText(text);
    expect(r.kind).toBe('fixed');
    if (r.kind !== 'fixed') return;
    expect(r.text).toBe('{\n  "url": "https://cloudsso.cisco.com",\n  "partner_spid": "https://signin.aws.amazon.com/saml",\n  "aws_urn": "https://signin.aws.amazon.com/saml",\n  "session_duration_seconds": 3600\n}\n');
    expect(r.applied.map((f) => [f.id, f.position?.line, f.position?.column, f.fix?.description])).toEqual([
      ['json-syntax', 3, 3, 'Remove the comment (config fix does it).'],
      ['json-syntax', 4, 3, 'Put the key partner_spid in double quotes (config fix does it).'],
      ['json-syntax', 6, 3, "Add the missing ',' (config fix does it)."],
      ['json-syntax', 7, 1, 'Remove the trailing comma (config fix does it).'],
    ]);
    expect(r.remaining).toEqual([]);
  });
});

describe('applyConfigFix', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'config-fix-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const paths = () => ({ duoConfig: join(dir, 'duo-sso', 'config.json'), stateFile: join(dir, 'state', 'state.json'), policyFile: join(dir, 'no-policy.json') });

  it('writes the fixed file 0600 with a backup equal to the original', async () => {
    await mkdir(join(dir, 'duo-sso'));
    await writeFile(paths().duoConfig, BROKEN, { mode: 0o644 });
    const r = await applyConfigFix({ paths: paths(), dryRun: false });
    expect(r.kind).toBe('fixed');
    expect(await readFile(paths().duoConfig, 'utf8')).toBe(FIXED);
    expect((await stat(paths().duoConfig)).mode & 0o777).toBe(0o600);
    const [backup] = await listBackups(paths().duoConfig);
    expect(r.kind === 'fixed' && r.backup).toBe(backup);
    expect(await readFile(backup!, 'utf8')).toBe(BROKEN);
  });

  it('reads production profiles from state.json', async () => {
    await mkdir(join(dir, 'duo-sso'));
    await mkdir(join(dir, 'state'));
    await writeFile(paths().duoConfig, BROKEN);
    await writeFile(paths().stateFile, JSON.stringify({ version: 1, productionProfiles: ['scratch'], durations: {}, roles: {} }));
    await applyConfigFix({ paths: paths(), dryRun: false });
    expect(JSON.parse(await readFile(paths().duoConfig, 'utf8')).profiles.scratch.session_duration_seconds).toBe(3600);
  });

  it('changes nothing in a dry run, and nothing in a file that does not parse or is not UTF-8', async () => {
    await mkdir(join(dir, 'duo-sso'));
    await writeFile(paths().duoConfig, BROKEN);
    expect((await applyConfigFix({ paths: paths(), dryRun: true })).kind).toBe('fixed');
    expect(await readFile(paths().duoConfig, 'utf8')).toBe(BROKEN);
    const truncated = BROKEN.slice(0, 120);
    await writeFile(paths().duoConfig, truncated);
    expect((await applyConfigFix({ paths: paths(), dryRun: false })).kind).toBe('unparseable');
    expect(await readFile(paths().duoConfig, 'utf8')).toBe(truncated);
    const latin1 = Buffer.from('{"url": "caf\xe9"}', 'latin1');
    await writeFile(paths().duoConfig, latin1);
    expect((await applyConfigFix({ paths: paths(), dryRun: false })).kind).toBe('unreadable');
    expect((await readFile(paths().duoConfig)).equals(latin1)).toBe(true);
    expect(await listBackups(paths().duoConfig)).toEqual([]);
  });

  it('reports a missing file', async () => {
    expect(await applyConfigFix({ paths: paths(), dryRun: false })).toEqual({ kind: 'missing', path: paths().duoConfig });
  });
});
