// One rule for every command, from a reviewer's walk through the tool as a new engineer:
// the same bad input gets the same exit code and the same kind of answer wherever it is given.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createGpgKey, REPO, sandboxPerTest, systemTool } from '../support/sandbox.js';

const sandbox = sandboxPerTest();
const CONFIG = '.config/duo-sso/config.json';
const ONE_PROFILE = JSON.stringify({ url: 'https://cloudsso.cisco.com', profiles: { dev: { aws_account_id: '123456789012', aws_role_name: 'Admin' } } });

describe('a profile name that config.json does not have is a usage error (exit 2) in every command', () => {
  // Every command that takes a profile name from the command line (credential-process is the AWS
  // CLI's protocol, not a command people type, and is left out).
  const commands: string[][] = [
    ['login', '--profile', 'nope'],
    ['status', '--profile', 'nope'],
    ['console', '--profile', 'nope', '--print'],
    ['exec', '--profile', 'nope', '--', 'true'],
    ['env', '--profile', 'nope'],
    ['credentials', 'migrate', '--profile', 'nope', '--yes'],
    ['credentials', 'restore', '--profile', 'nope', '--yes'],
    ['config', 'remove-profile', 'nope', '--yes'],
  ];
  it.each(commands.map((args) => [args.join(' '), args] as const))('%s', async (_name, args) => {
    const box = await sandbox();
    await box.write(CONFIG, ONE_PROFILE);
    const r = await box.run(args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^duo-sso-setup: error: (no|unknown) profile 'nope'/);
    // The names that do exist, so the typo can be corrected.
    expect(r.stderr).toContain('dev');
  }, 60_000);
});

describe('doctor --report -', () => {
  it('is refused as a usage error before any check runs, and writes no file named "-"', async () => {
    const box = await sandbox();
    for (const cwd of [box.home, box.root]) {
      const r = await box.run(['doctor', '--report', '-'], { cwd });
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^duo-sso-setup: error: --report cannot write the support bundle to standard output \(-\)/);
      expect(r.stderr).toContain('duo-sso-setup doctor --report FILE');
      await expect(access(join(cwd, '-'))).rejects.toThrow(/ENOENT/);
    }
  }, 60_000);
});

describe('doctor: the credentials check agrees with the secret-store check', () => {
  it('a stored profile whose pass entry cannot be read is not "current credentials"', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'gpg-agent', 'gpgconf'] });
    const key = await createGpgKey(box);
    expect((await box.exec(join(box.bin, 'pass'), ['init', key])).exitCode).toBe(0);
    await box.write('.aws/credentials', '[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = secretDEV\naws_session_token = tokenDEV\n');
    const migrated = await box.run(['credentials', 'migrate', '--profile', 'dev', '--store', 'pass', '--yes']);
    expect(migrated.exitCode, migrated.stderr).toBe(0);
    const before = await box.run(['doctor', '--json', '--only', 'credentials,secret-store']);
    expect(before.json.checks.find((c: { id: string }) => c.id === 'credentials')).toMatchObject({ status: 'ok' });
    // The key the entry is encrypted for is gone: the entry can no longer be read.
    expect((await box.exec(systemTool('gpg')!, ['--batch', '--yes', '--delete-secret-keys', key])).exitCode).toBe(0);
    const r = await box.run(['doctor', '--json', '--only', 'credentials,secret-store']);
    const byId = Object.fromEntries(r.json.checks.map((c: { id: string }) => [c.id, c]));
    expect(byId['secret-store'].status).not.toBe('ok');
    expect(byId['secret-store'].details.join('\n')).toMatch(/^dev: /m);
    expect(byId.credentials).toMatchObject({
      status: 'warn',
      summary: 'dev: credentials in the secret store cannot be read',
      details: ['dev: cannot be read from the pass store (see the secret-store check)'],
    });
    // Logging in again would not make the entry readable: no login fix here.
    expect(byId.credentials.fix).toBeNull();
  }, 120_000);
});

describe('--config PATH: the command a hint names acts on the same file', () => {
  it('config validate, an error hint and config init\'s next step all carry --config PATH', async () => {
    const box = await sandbox();
    const file = box.path('x.json');
    const validate = await box.run(['--config', 'x.json', 'config', 'validate']);
    expect(validate.exitCode).toBe(1);
    expect(validate.stdout).toContain(`→ duo-sso-setup --config ${file} config init\n`);
    const json = await box.run(['--config', 'x.json', 'config', 'validate', '--json']);
    expect(json.json.findings[0].fix.description).toBe(`duo-sso-setup --config ${file} config init`);
    const status = await box.run(['--config', 'x.json', 'login']);
    expect(status.stderr).toContain(`Create it: duo-sso-setup --config ${file} config init\n`);
    const init = await box.run(['--config', 'x.json', 'config', 'init', '--yes']);
    expect(init.exitCode, init.stderr).toBe(0);
    // duo-sso reads only its own file, so a bare `login` would act on another file: the next step says so.
    expect(init.stderr).toContain(`Next: duo-sso-setup --config ${file} config validate; duo-sso reads only ${box.path('.config/duo-sso/config.json')}`);
    // Without --config, or --config naming duo-sso's own file, the hints stay as they were.
    const plain = await box.run(['config', 'init', '--yes']);
    expect(plain.stderr).toMatch(/^Next: duo-sso-setup login/m);
    const own = await box.run(['--config', box.path('.config/duo-sso/config.json'), 'config', 'init', '--yes', '--force']);
    expect(own.stderr).toMatch(/^Next: duo-sso-setup login/m);
  }, 60_000);
});

describe('a command group without its subcommand is a usage error (exit 2), in every group', () => {
  // Every group the program has (from the build's completion spec), so a new group is held to it too.
  const groups = (JSON.parse(readFileSync(join(REPO, 'dist', 'completion-spec.json'), 'utf8')) as { commands: { name: string; commands?: unknown[] }[] })
    .commands.filter((c) => (c.commands ?? []).length > 0).map((c) => c.name);
  it('the groups are config, credentials and saml', () => {
    expect(groups.sort()).toEqual(['config', 'credentials', 'saml']);
  });
  it.each(groups.map((g) => [g]))('%s', async (group) => {
    const box = await sandbox();
    const r = await box.run([group]);
    expect(r.exitCode).toBe(2);
    // The group's help goes to stderr, stdout stays empty for a script.
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^Usage: duo-sso-setup ${group} \\[options\\] \\[command\\]`));
    expect(r.stderr).toMatch(/duo-sso-setup: error: no subcommand given\n/);
    const json = await box.run(['--json', group]);
    expect(json.exitCode).toBe(2);
    expect(json.json).toEqual({ error: { message: 'no subcommand given', hint: 'The help above lists the subcommands.' } });
    // Help that was asked for is still exit 0, on stdout.
    const asked = await box.run([group, '--help']);
    expect(asked.exitCode).toBe(0);
    expect(asked.stdout).toMatch(new RegExp(`^Usage: duo-sso-setup ${group} `));
  }, 60_000);
});

describe('completion is not a JSON command, like exec', () => {
  it('--json leaves the script as it is and shapes only errors; docs say so for both', async () => {
    const box = await sandbox();
    const plain = await box.run(['completion', 'bash']);
    const json = await box.run(['completion', 'bash', '--json']);
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toMatch(/^# duo-sso-setup completion for bash/);
    expect(json.exitCode).toBe(0);
    expect(json.stdout).toBe(plain.stdout);
    const refused = await box.run(['completion', '--json'], { env: { SHELL: '/bin/tcsh' } });
    expect(refused.exitCode).toBe(2);
    expect(refused.json).toEqual({ error: { message: "no completion for the shell 'tcsh'", hint: 'Name one: duo-sso-setup completion bash|zsh|fish|powershell' } });
    for (const page of ['docs/completion.md', 'docs/exec.md']) {
      expect(readFileSync(join(REPO, page), 'utf8'), page).toMatch(/Not a JSON command: [^\n]*\n?[^\n]*--json[\s\S]{0,80}shapes only/);
    }
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain('`exec` and `completion` are not JSON\ncommands');
  }, 60_000);
});
