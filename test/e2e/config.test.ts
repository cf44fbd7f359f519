import { describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, Sandbox, type Runtime, sandboxPerTest } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

const CONFIG = '.config/duo-sso/config.json';

// python3's pty module gives the CLI a real terminal; answers are typed when each question appears.
const PTY_WIZARD_DRIVER = `
import os, pty, sys, time, re, select
steps = [("sign-in URL", "\\r"), ("Duo device", "\\r"), ("Duo factor", "\\r"), ("logins without a profile", "\\r"),
         ("Add named profiles", "\\r"), ("Profile name", "eticloud\\r"), ("account id", "626007623524\\r"), ("Role", "\\r"),
         ("production account", "\\r"), ("(900-14400)", "\\r"), ("Add another profile", "\\r"),
         ("Default AWS region", "\\r")]
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
screen = b""
def read(timeout):
    global screen
    r, _, _ = select.select([fd], [], [], timeout)
    if r:
        try: screen += os.read(fd, 65536)
        except OSError: return False
    return True
seen = 0
for question, keys in steps:
    deadline = time.time() + 20
    while question.encode() not in screen[seen:] and time.time() < deadline:
        if not read(0.1): break
    if question.encode() not in screen[seen:]:
        sys.stdout.write("TIMEOUT waiting for " + question + "\\n" + screen.decode(errors="replace")); sys.exit(3)
    seen = screen.rindex(question.encode())
    time.sleep(0.05)
    os.write(fd, keys.encode())
deadline = time.time() + 20
while time.time() < deadline and read(0.1):
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.write(screen.decode(errors="replace"))
sys.exit(os.WEXITSTATUS(status))
`;

async function wizardInPty(box: Sandbox, flags: string[], env: Record<string, string>) {
  await writeFile(join(box.root, 'pty-driver.py'), PTY_WIZARD_DRIVER);
  return box.exec('python3', [join(box.root, 'pty-driver.py'), process.execPath, CLI, ...flags, 'config', 'init'], { env: { TERM: 'xterm', ...env } });
}

const backups = async (box: Sandbox) => (await readdir(box.path('.config/duo-sso'))).filter((n) => n.endsWith('.bak')).sort();
const check = (json: any, id: string) => json.checks.find((c: any) => c.id === id);

// The done-when case: no top-level duration, a profile at 28800, an unknown key, the user's own layout.
const NO_TOP_LEVEL = `{
    "url":          "https://cloudsso.cisco.com",
    "partner_spid": "https://signin.aws.amazon.com/saml",
    "aws_urn":      "https://signin.aws.amazon.com/saml",
    "team_note":    "ask in #aws-help",
    "profiles": {
        "scratch": {
            "aws_account_id": "012345678901",
            "aws_role_name":  "devops",
            "session_duration_seconds": 28800
        }
    }
}
`;

describe.each<Runtime>(['node', 'deno'])('config under %s', (runtime) => {
  it('init --yes writes the guide\'s Example 2 shape, 0600, ids as strings, and validate accepts it', async () => {
    const box = await sandbox();
    const r = await box.run(['config', 'init', '--yes', '--profile', 'eticloud=626007623524:admin', '--profile', 'scratch=012345678901:devops:14400'], { runtime });
    expect(r.exitCode).toBe(0);
    expect(await box.mode(CONFIG)).toBe(0o600);
    expect(await box.mode('.config/duo-sso')).toBe(0o700);
    const text = await box.read(CONFIG);
    expect(text).toContain('"aws_account_id": "012345678901"');
    // The guide's key order and layout, not only its content.
    const example2 = {
      url: 'https://cloudsso.cisco.com',
      partner_spid: 'https://signin.aws.amazon.com/saml',
      aws_urn: 'https://signin.aws.amazon.com/saml',
      session_duration_seconds: 3600,
      preferred_device: 'phone1',
      preferred_factor: 'push',
      debug: false,
      profiles: {
        eticloud: { aws_account_id: '626007623524', aws_role_name: 'admin', session_duration_seconds: 3600 },
        scratch: { aws_account_id: '012345678901', aws_role_name: 'devops', session_duration_seconds: 14400 },
      },
    };
    expect(JSON.parse(text)).toEqual(example2);
    expect(text).toBe(`${JSON.stringify(example2, null, 2)}\n`);
    const v = await box.run(['config', 'validate', '--json'], { runtime });
    expect(v.exitCode).toBe(0);
    expect(v.json).toMatchObject({ valid: true, findings: [], summary: { fail: 0, warn: 0, info: 0 } });
  });

  it('validate names every syntax error with line and column; fix repairs them (backup, changed lines shown), the rest of the text as it was', async () => {
    const box = await sandbox();
    const broken = '{\n  "url": "https://cloudsso.cisco.com",\n  // mine\n  "session_duration_seconds": 3600,\n}\n';
    await box.write(CONFIG, broken);
    const v = await box.run(['config', 'validate'], { runtime });
    expect(v.exitCode).toBe(1);
    expect(v.stdout).toContain(`${box.path(CONFIG)}:3:3: comments are not allowed in JSON`);
    expect(v.stdout).toContain(`${box.path(CONFIG)}:5:1: expected a property name in double quotes: remove the trailing comma at 4:35`);
    expect(v.stdout).toMatch(/^ {4}5 \| }\n {8}\^$/m);
    const dry = await box.run(['config', 'fix', '--dry-run'], { runtime });
    expect(dry.stdout).toContain('  -3:   // mine\n  -4:   "session_duration_seconds": 3600,\n');
    expect(await box.read(CONFIG)).toBe(broken);
    const fix = await box.run(['config', 'fix', '--yes'], { runtime });
    expect(fix.exitCode, fix.stderr).toBe(0);
    // The two syntax repairs, then the keys the guide sets (an ordinary repair once it parses).
    expect(fix.stdout).toMatch(/fixed 4 problems/);
    expect(await box.read(CONFIG)).toBe('{\n  "url": "https://cloudsso.cisco.com",\n  "partner_spid": "https://signin.aws.amazon.com/saml",\n  "aws_urn": "https://signin.aws.amazon.com/saml",\n  "session_duration_seconds": 3600\n}\n');
    expect((await box.run(['config', 'validate'], { runtime })).exitCode).toBe(0);
    const [backup] = await backups(box);
    expect(await box.read(`.config/duo-sso/${backup}`)).toBe(broken);
  });

  it('a file with one error that has no obvious repair: fix and doctor --fix leave it byte for byte, and validate still lists every error', async () => {
    const box = await sandbox();
    const broken = '{\n  "url": "https://cloudsso.cisco.com",\n  "session_duration_seconds": ,\n  "debug": false,\n}\n';
    await box.write(CONFIG, broken);
    const v = await box.run(['config', 'validate', '--json'], { runtime });
    expect(v.exitCode).toBe(1);
    expect(v.json.findings.map((f: any) => [f.id, f.position.line, f.fix.automatic])).toEqual([['json-syntax', 3, false], ['json-syntax', 5, false]]);
    const fix = await box.run(['config', 'fix', '--yes'], { runtime });
    expect(fix.exitCode).toBe(1);
    expect(fix.stderr).toMatch(/does not parse, so it was left unchanged/);
    // The same position, named with the file's own path, as validate prints it.
    expect(fix.stdout).toContain(`${box.path(CONFIG)}:3:31: expected a value`);
    const doctor = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'config,session-duration,profiles'], { runtime });
    expect(check(doctor.json, 'config').status).toBe('fail');
    expect(check(doctor.json, 'session-duration').status).toBe('skip');
    expect(await box.read(CONFIG)).toBe(broken);
    expect(await backups(box)).toEqual([]);
  });
});

describe('config', () => {
  it('a truncated config: validate exit 1 with line:column, fix exit 1, file untouched', async () => {
    const box = await sandbox();
    const truncated = NO_TOP_LEVEL.slice(0, NO_TOP_LEVEL.indexOf('"aws_role_name"'));
    await box.write(CONFIG, truncated);
    const v = await box.run(['config', 'validate', '--json']);
    expect(v.exitCode).toBe(1);
    expect(v.json.findings).toEqual([expect.objectContaining({ id: 'json-syntax', severity: 'fail', position: expect.objectContaining({ line: 9 }) })]);
    expect(v.json.findings[0].message).toMatch(/the file ends in the middle of the document \(truncated\?\)$/);
    const fix = await box.run(['config', 'fix', '--yes', '--json']);
    expect(fix.exitCode).toBe(1);
    expect(fix.json).toMatchObject({ changed: false, applied: [] });
    const doctor = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'config,session-duration,profiles']);
    expect(doctor.exitCode).toBe(1);
    expect(check(doctor.json, 'config').status).toBe('fail');
    expect(await box.read(CONFIG)).toBe(truncated);
    expect(await backups(box)).toEqual([]);
  });

  it('a truncated config that also starts with a BOM: the BOM fix (automatic elsewhere) is not applied, the file stays byte for byte', async () => {
    const box = await sandbox();
    const broken = `\uFEFF${NO_TOP_LEVEL.slice(0, NO_TOP_LEVEL.indexOf('"profiles"'))}`;
    await box.write(CONFIG, broken);
    const v = await box.run(['config', 'validate', '--json']);
    expect(v.exitCode).toBe(1);
    expect(v.json.findings.map((f: any) => f.id)).toEqual(['bom', 'json-syntax']);
    expect((await box.run(['config', 'fix', '--yes'])).exitCode).toBe(1);
    expect((await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'config,session-duration,profiles'])).exitCode).toBe(1);
    expect(await box.read(CONFIG)).toBe(broken);
    expect(await backups(box)).toEqual([]);
  });

  it('fix --yes sets the top level to 3600, the profile to the cap, keeps the unknown key and the layout, and backs up the original', async () => {
    const box = await sandbox();
    await box.write(CONFIG, NO_TOP_LEVEL, 0o644);
    const dry = await box.run(['config', 'fix', '--dry-run']);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toMatch(/would fix 2 problems/);
    expect(await box.read(CONFIG)).toBe(NO_TOP_LEVEL);

    const r = await box.run(['config', 'fix', '--yes', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.json.applied.map((f: any) => f.path)).toEqual(['session_duration_seconds', 'profiles.scratch.session_duration_seconds']);
    const fixed = await box.read(CONFIG);
    expect(fixed).toBe(NO_TOP_LEVEL
      .replace('"aws_urn":      "https://signin.aws.amazon.com/saml",\n', '"aws_urn":      "https://signin.aws.amazon.com/saml",\n    "session_duration_seconds": 3600,\n')
      .replace('28800', '14400'));
    expect(await box.mode(CONFIG)).toBe(0o600);
    const [backup] = await backups(box);
    expect(r.json.backup).toBe(box.path(`.config/duo-sso/${backup}`));
    expect(await readFile(r.json.backup, 'utf8')).toBe(NO_TOP_LEVEL);

    const again = await box.run(['config', 'fix', '--yes']);
    expect(again.stdout).toMatch(/nothing to fix automatically/);
    expect(await backups(box)).toHaveLength(1);
  });

  it('doctor --fix --yes repairs durations through the same code, capping a production profile at 3600', async () => {
    const box = await sandbox();
    await box.write(CONFIG, NO_TOP_LEVEL);
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ version: 1, productionProfiles: ['scratch'], durations: {}, roles: {} }));
    const before = await box.run(['doctor', '--json', '--only', 'config,session-duration,profiles']);
    expect(check(before.json, 'session-duration')).toMatchObject({ status: 'warn', fix: { automatic: true, commands: [['duo-sso-setup', 'config', 'fix']] } });
    expect(check(before.json, 'profiles').status).toBe('ok');
    const r = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'session-duration']);
    expect(check(r.json, 'session-duration')).toMatchObject({ status: 'ok', fixed: true });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(await box.read(CONFIG));
    expect(doc.session_duration_seconds).toBe(3600);
    expect(doc.profiles.scratch.session_duration_seconds).toBe(3600);
    expect(doc.team_note).toBe('ask in #aws-help');
  });

  it('refuses to replace an existing config without --force, and backs it up with --force', async () => {
    const box = await sandbox();
    await box.write(CONFIG, NO_TOP_LEVEL);
    const r = await box.run(['config', 'init', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(r.stderr).toMatch(/config init --force/);
    expect(await box.read(CONFIG)).toBe(NO_TOP_LEVEL);
    const forced = await box.run(['config', 'init', '--yes', '--force', '--json']);
    expect(forced.exitCode).toBe(0);
    expect(await readFile(forced.json.backup, 'utf8')).toBe(NO_TOP_LEVEL);
    expect(JSON.parse(await box.read(CONFIG)).profiles).toBeUndefined();
  });

  it('refuses durations over the policy with exit 2 and writes nothing', async () => {
    const box = await sandbox();
    const r = await box.run(['config', 'init', '--yes', '--profile', 'prod=123456789012:admin:7200', '--production', 'prod']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/profiles\.prod\.session_duration_seconds: .*7200 s is above the 3600 s cap for production/);
    const bad = await box.run(['config', 'init', '--yes', '--profile', 'x=12345:admin']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/aws_account_id .* is not 12 digits/);
    const syntax = await box.run(['config', 'init', '--yes', '--profile', 'nonsense']);
    expect(syntax.exitCode).toBe(2);
    expect(syntax.stderr).toMatch(/expected NAME=ACCOUNT:ROLE\[:SECONDS\]/);
    await expect(box.read(CONFIG)).rejects.toThrow();
  });

  it('manages profiles: add, list, remove, with production remembered in our own state file', async () => {
    const box = await sandbox();
    expect((await box.run(['config', 'add-profile', 'eticloud', '--account', '626007623524', '--role', 'admin', '--yes'])).exitCode).toBe(0);
    expect((await box.run(['config', 'add-profile', 'prod', '--account', '012345678901', '--role', 'admin', '--production', '--yes'])).exitCode).toBe(0);
    const dup = await box.run(['config', 'add-profile', 'prod', '--account', '012345678901', '--role', 'admin', '--yes']);
    expect(dup.exitCode).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    const over = await box.run(['config', 'add-profile', 'p2', '--account', '012345678901', '--role', 'devops', '--production', '--duration', '7200', '--yes']);
    expect(over.exitCode).toBe(2);
    const list = await box.run(['config', 'profiles', '--json']);
    expect(list.json.profiles).toEqual([
      { name: 'eticloud', accountId: '626007623524', role: 'admin', sessionDurationSeconds: 3600, effectiveDurationSeconds: 3600, production: false },
      { name: 'prod', accountId: '012345678901', role: 'admin', sessionDurationSeconds: 3600, effectiveDurationSeconds: 3600, production: true },
    ]);
    const config = JSON.parse(await box.read(CONFIG));
    expect(Object.keys(config)).not.toContain('productionProfiles');
    expect(JSON.parse(await box.read('.config/duo-sso-setup/state.json')).productionProfiles).toEqual(['prod']);
    const human = await box.run(['config', 'profiles']);
    expect(human.stdout).toMatch(/^prod +012345678901 +admin +3600 +yes$/m);
    expect((await box.run(['config', 'remove-profile', 'prod', '--yes'])).exitCode).toBe(0);
    const missing = await box.run(['config', 'remove-profile', 'prod', '--yes']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/no profile 'prod' in .*config\.json\nProfiles there: eticloud\n/);
    expect(Object.keys(JSON.parse(await box.read(CONFIG)).profiles)).toEqual(['eticloud']);
    expect((await box.run(['config', 'validate'])).exitCode).toBe(0);
  });

  it('imports profiles from a saved account/role listing and from stdin', async () => {
    const box = await sandbox();
    const listing = 'SSO completed successfully\nAccount: eticloud (626007623524)\n  [1] admin\n  [2] devops\nAccount: scratch (012345678901)\n  [3] devops\n';
    await writeFile(join(box.root, 'listing.txt'), listing);
    const dry = await box.run(['config', 'import', join(box.root, 'listing.txt'), '--dry-run', '--json']);
    expect(dry.json).toMatchObject({ changed: false, dryRun: true });
    await expect(box.read(CONFIG)).rejects.toThrow();
    const r = await box.run(['config', 'import', join(box.root, 'listing.txt'), '--yes', '--production', 'scratch', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.json.added).toEqual([
      { name: 'eticloud-admin', accountId: '626007623524', role: 'admin', production: false },
      { name: 'eticloud-devops', accountId: '626007623524', role: 'devops', production: false },
      { name: 'scratch', accountId: '012345678901', role: 'devops', production: true },
    ]);
    const again = await box.run(['config', 'import', '-', '--json', '--yes'], { input: listing });
    expect(again.json.added).toEqual([]);
    expect(again.json.alreadyPresent).toHaveLength(3);
    const none = await box.run(['config', 'import', '-', '--yes'], { input: 'nothing useful here\n' });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/found no account\/role pairs/);
    expect((await box.run(['config', 'validate'])).exitCode).toBe(0);
  });

  it('refuses a listing that is a folder, missing, or far too big, in one line and without touching config.json', async () => {
    const box = await sandbox();
    const folder = await box.run(['config', 'import', box.root, '--yes']);
    expect(folder).toMatchObject({ exitCode: 1, stdout: '', stderr: `duo-sso-setup: error: cannot read ${box.root}: it is a folder\n` });
    const missing = await box.run(['config', 'import', join(box.root, 'nope.txt'), '--yes']);
    expect(missing).toMatchObject({ exitCode: 1, stderr: `duo-sso-setup: error: cannot read ${join(box.root, 'nope.txt')}: no such file\n` });
    const big = await box.run(['config', 'import', '-', '--yes'], { input: 'Account: x (626007623524)\n'.repeat(50_000) });
    expect(big.exitCode).toBe(1);
    expect(big.stderr).toMatch(/^duo-sso-setup: error: standard input is larger than 1 MiB\n/);
    await expect(box.read(CONFIG)).rejects.toThrow();
  });

  it('reports schema errors by JSON path, and a missing file with the command that creates it', async () => {
    const box = await sandbox();
    const missing = await box.run(['config', 'validate']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toMatch(/does not exist/);
    expect(missing.stdout).toMatch(/duo-sso-setup config init/);
    await box.write(CONFIG, JSON.stringify({ url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml', session_duration_seconds: 3600, profiles: { eticloud: { aws_account_id: '62600762352X', aws_role_name: 'admin' } } }, null, 2));
    const v = await box.run(['config', 'validate', '--json']);
    expect(v.exitCode).toBe(1);
    expect(v.json.findings).toEqual([expect.objectContaining({ id: 'account-id-invalid', path: 'profiles.eticloud.aws_account_id', severity: 'fail' })]);
  });

  it('runs the init wizard in a real pseudo-terminal', async () => {
    const box = await sandbox();
    const r = await wizardInPty(box, [], {});
    expect(r.stdout).not.toMatch(/TIMEOUT/);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/\u001b\[3\dm/);
    expect(JSON.parse(await box.read(CONFIG)).profiles).toEqual({ eticloud: { aws_account_id: '626007623524', aws_role_name: 'admin', session_duration_seconds: 3600 } });
    expect(await box.mode(CONFIG)).toBe(0o600);
    // The region question's answer (the offered us-east-1) is where the AWS CLI reads it.
    expect(await box.read('.aws/config')).toBe('[profile eticloud]\nregion = us-east-1\n');
  });

  it.each([
    ['NO_COLOR=1', [], { NO_COLOR: '1' }],
    ['--no-color', ['--no-color'], {}],
  ])('asks its questions without colour under %s', async (_label, flags, env) => {
    const box = await sandbox();
    const r = await wizardInPty(box, flags, env);
    expect(r.stdout).not.toMatch(/TIMEOUT/);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Profile name');
    expect(r.stdout).not.toMatch(/\u001b\[(3\d|1|2|4)m/);
  });

  it('a BOM (which Go refuses) fails validate and doctor --fix removes it', async () => {
    const box = await sandbox();
    await box.run(['config', 'init', '--yes']);
    const clean = await box.read(CONFIG);
    await box.write(CONFIG, `\uFEFF${clean}`);
    const v = await box.run(['config', 'validate']);
    expect(v.exitCode).toBe(1);
    expect(v.stdout).toMatch(/byte-order mark/);
    const before = await box.run(['doctor', '--json', '--only', 'config,profiles']);
    // Reported once, by the check that reads the file's bytes.
    expect(before.json.checks.map((c: any) => [c.id, c.status])).toEqual([['config', 'fail'], ['profiles', 'ok']]);
    const r = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'config,profiles']);
    expect(check(r.json, 'config')).toMatchObject({ status: 'ok', fixed: true });
    expect(check(r.json, 'profiles')).toMatchObject({ status: 'ok' });
    expect(await box.read(CONFIG)).toBe(clean);
  });

  it('concurrent add-profile runs all land: the lock serialises them', async () => {
    const box = await sandbox();
    await box.run(['config', 'init', '--yes']);
    const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const runs = await Promise.all(names.map((n, i) => box.run(['config', 'add-profile', n, '--account', `10000000000${i}`, '--role', 'admin', '--yes'])));
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0]);
    expect(Object.keys(JSON.parse(await box.read(CONFIG)).profiles).sort()).toEqual(names);
    expect((await box.run(['config', 'validate'])).exitCode).toBe(0);
  });
});
