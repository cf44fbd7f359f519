import { describe, expect, it } from 'vitest';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { CLI, createGpgKey, type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { ReleaseServer } from '../support/release-server.js';

const sandbox = sandboxPerTest();

const AWS_V1 = `#!/bin/sh
# Imitates a pip-installed AWS CLI v1 (pyenv shim): v1 prints its version on stderr.
echo "aws-cli/1.29.0 Python/3.11.7 Linux/6.1.0 botocore/1.31.0" >&2
`;

const HANGING_DUO_SSO = `#!/bin/sh
# A duo-sso that never answers (e.g. waiting on a keychain prompt).
exec sleep 30
`;

function check(json: any, id: string): any {
  const found = json.checks.find((c: any) => c.id === id);
  expect(found, `check ${id} in ${JSON.stringify(json.checks.map((c: any) => c.id))}`).toBeTruthy();
  return found;
}

describe.each<Runtime>(['node', 'deno'])('doctor under %s', (runtime) => {
  it('reports the real AWS CLI v2 as ok and a missing duo-sso as a failure with its fix', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    const r = await box.run(['doctor', '--json'], { runtime });
    expect(r.exitCode).toBe(1);
    expect(r.json.tool).toEqual({ name: 'duo-sso-setup', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(r.json.platform).toMatchObject({ os: 'linux', packageManager: 'apt', wsl: false });
    for (const id of ['platform', 'aws-cli', 'duo-sso', 'homebrew', 'gpg', 'pass', 'config']) check(r.json, id);
    const aws = check(r.json, 'aws-cli');
    expect(aws.status).toBe('ok');
    expect(aws.summary).toMatch(/^aws-cli 2\.\d+\.\d+ at /);
    const duo = check(r.json, 'duo-sso');
    expect(duo.status).toBe('fail');
    // No release key is pinned yet, so only a SHA-256 verifies the download: the plain command would be refused.
    expect(duo.fix).toMatchObject({ commands: [['duo-sso-setup', 'install', 'duo-sso', '--sha256', 'HEX']], automatic: false });
    expect(check(r.json, 'homebrew').status).toBe('skip');
    expect(r.json.summary.fail).toBe(r.json.checks.filter((c: any) => c.status === 'fail').length);
    expect(r.stderr).toBe('');
  });

  it('fails aws-cli when a v1 comes first on PATH and names both paths', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    const shim = join(box.root, 'pyenv-shims');
    await mkdir(shim);
    await writeFile(join(shim, 'aws'), AWS_V1, { mode: 0o755 });
    const r = await box.run(['doctor', '--json', '--only', 'aws-cli'], { runtime, env: { PATH: `${shim}:${box.env.PATH}` } });
    const aws = check(r.json, 'aws-cli');
    expect(aws.status).toBe('fail');
    expect(aws.summary).toContain(`${shim}/aws`);
    expect(aws.summary).toContain(`${box.bin}/aws`);
    expect(aws.data.installations.map((i: any) => i.version)).toEqual(['1.29.0', expect.stringMatching(/^2\./)]);
    expect(r.exitCode).toBe(1);
  });

  it('exits 2 on an unknown flag or command', async () => {
    const box = await sandbox();
    const flag = await box.run(['doctor', '--no-such-flag'], { runtime });
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--no-such-flag'/);
    const cmd = await box.run(['doctr'], { runtime });
    expect(cmd.exitCode).toBe(2);
    expect(cmd.stderr).toMatch(/Did you mean doctor\?/);
  });
});

describe('doctor', () => {
  it('prints human output with a summary line, ASCII without a UTF-8 locale', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'], env: { LANG: 'C' } });
    const r = await box.run(['doctor']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^\[ok\] platform /m);
    expect(r.stdout).toMatch(/^\[x\] duo-sso +not found on PATH$/m);
    expect(r.stdout).toMatch(/^ +\$ duo-sso-setup install duo-sso --sha256 HEX$/m);
    expect(r.stdout).toMatch(/^\d+\/\d+ checks passed: .*failed/m);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('uses Unicode marks in a UTF-8 locale and no colour when NO_COLOR is set', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'], env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    const r = await box.run(['doctor', '--only', 'aws-cli,duo-sso']);
    expect(r.stdout).toMatch(/^✓ aws-cli /m);
    expect(r.stdout).toMatch(/^✗ duo-sso /m);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    // FORCE_COLOR alone colours a pipe; --no-color wins over it, as NO_COLOR does.
    const forced = await box.run(['doctor', '--only', 'aws-cli'], { env: { NO_COLOR: undefined } });
    expect(forced.stdout).toMatch(/\u001b\[32m✓\u001b\[39m aws-cli /);
    const flag = await box.run(['--no-color', 'doctor', '--only', 'aws-cli'], { env: { NO_COLOR: undefined } });
    expect(flag.stdout).toMatch(/^✓ aws-cli /m);
    expect(flag.stdout).not.toMatch(/\u001b\[/);
  });

  it('rejects an unknown check id with exit 2 and the list of known ids', async () => {
    const box = await sandbox();
    const r = await box.run(['doctor', '--only', 'nope']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unknown check: nope/);
    expect(r.stderr).toMatch(/aws-cli/);
  });

  it('finishes and reports when a tool hangs', async () => {
    const box = await sandbox({ scripts: { 'duo-sso': HANGING_DUO_SSO } });
    const started = Date.now();
    const r = await box.run(['doctor', '--json', '--timeout', '1']);
    expect(check(r.json, 'duo-sso')).toMatchObject({ status: 'fail', summary: 'timed out after 1 s' });
    expect(r.exitCode).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives bad input: missing HOME, config as a directory, non-UTF-8 config, PATH entry that is a file', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    await mkdir(box.path('.config/duo-sso/config.json'), { recursive: true });
    const asDir = await box.run(['doctor', '--json']);
    expect(check(asDir.json, 'config')).toMatchObject({ status: 'fail', summary: expect.stringMatching(/is a directory/) });

    const latin1 = join(box.root, 'latin1.json');
    await writeFile(latin1, Buffer.from([0x7b, 0x22, 0x75, 0x72, 0x6c, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]));
    const notUtf8 = await box.run(['doctor', '--json', '--config', latin1]);
    expect(check(notUtf8.json, 'config')).toMatchObject({ status: 'fail', summary: expect.stringMatching(/not UTF-8/) });

    const aFile = join(box.root, 'not-a-dir');
    await writeFile(aFile, 'x');
    const noHome = await box.run(['doctor', '--json'], { env: { HOME: join(box.root, 'does-not-exist'), PATH: `${aFile}:${box.env.PATH}` } });
    expect(noHome.exitCode).toBe(1);
    expect(check(noHome.json, 'aws-cli').status).toBe('ok');
    expect(check(noHome.json, 'config').status).toBe('warn');
    for (const r of [asDir, notUtf8, noHome]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a config.json that is a named pipe instead of waiting on it for ever', async () => {
    const box = await sandbox();
    const fifo = join(box.root, 'config.fifo');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = await box.run(['doctor', '--json', '--only', 'config', '--config', fifo], { timeoutMs: 20_000 });
    expect(check(r.json, 'config')).toMatchObject({ status: 'fail', summary: expect.stringMatching(/not a regular file/) });
    expect(Date.now() - started).toBeLessThan(15_000);
    const validate = await box.run(['config', 'validate', '--config', fifo], { timeoutMs: 20_000 });
    expect(validate.exitCode).toBe(1);
    expect(validate.stdout + validate.stderr).toMatch(/not a regular file/);
  });

  it('warns when AWS_PROFILE names a profile neither AWS file has (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured)', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    // [profile "qa"] is profile qa for the AWS CLI (shlex), [ profile x ] is no profile.
    const config = await box.write('elsewhere/config', '[profile dev]\nregion = eu-west-1\n[profile "qa"]\nregion = x\n[ profile x ]\nregion = y\n');
    const credentials = await box.write('elsewhere/credentials', '[ops]\naws_access_key_id = AKIAEXAMPLE\n');
    const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
    const missing = await box.run(['doctor', '--json', '--only', 'aws-cli'], { env: { ...env, AWS_PROFILE: 'prod' } });
    expect(check(missing.json, 'aws-cli')).toMatchObject({
      status: 'warn',
      summary: 'AWS_PROFILE=prod, but no profile of that name exists: every aws command will fail',
      details: expect.arrayContaining(['Profiles here: ops, dev, qa.']),
      fix: { commands: [['duo-sso-setup', 'login', '--profile', 'prod']], automatic: false },
    });
    expect(missing.exitCode).toBe(0);
    // The real AWS CLI agrees.
    const aws = await box.exec(`${box.bin}/aws`, ['configure', 'list'], { env: { ...env, AWS_PROFILE: 'prod' } });
    expect(aws.stderr).toContain('The config profile (prod) could not be found');
    const notX = await box.run(['doctor', '--json', '--only', 'aws-cli'], { env: { ...env, AWS_PROFILE: 'x' } });
    expect(check(notX.json, 'aws-cli').status).toBe('warn');
    for (const profile of ['dev', 'ops', 'default', 'qa']) {
      const r = await box.run(['doctor', '--json', '--only', 'aws-cli'], { env: { ...env, AWS_PROFILE: profile } });
      expect(check(r.json, 'aws-cli').status, profile).toBe('ok');
    }
  });

  it('a duo-sso on PATH without the executable bit is "not executable" (not "not found"), and --fix makes it so', async () => {
    const box = await sandbox();
    const path = await box.addScript('duo-sso', '#!/bin/sh\n# Imitates a downloaded duo-sso release binary.\necho "duo-sso v3.4.1"\n');
    await chmod(path, 0o644);
    const r = await box.run(['doctor', '--json', '--only', 'duo-sso']);
    expect(check(r.json, 'duo-sso')).toMatchObject({
      status: 'fail',
      summary: `${path} is not executable`,
      fix: { commands: [['chmod', '+x', path]], automatic: true },
    });
    const fixed = await box.run(['doctor', '--json', '--only', 'duo-sso', '--fix', '--yes']);
    expect(check(fixed.json, 'duo-sso')).toMatchObject({ status: 'ok', fixed: true, summary: `duo-sso 3.4.1 at ${path}` });
  });

  it('an empty HOME fails platform, and paths come from the user database instead of the current folder', async () => {
    const box = await sandbox();
    const r = await box.run(['doctor', '--json', '--only', 'platform,config'], { env: { HOME: '' } });
    expect(check(r.json, 'platform')).toMatchObject({ status: 'fail', summary: 'HOME is not set', fix: { description: `Set it to your home folder: export HOME=${userInfo().homedir}` } });
    expect(check(r.json, 'config').data.path).toBe(join(userInfo().homedir, '.config', 'duo-sso', 'config.json'));
  });

  it('names a HOME that is missing or not a folder as the platform problem, with the fix', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    const missing = join(box.root, 'no-such-home');
    const gone = await box.run(['doctor', '--json', '--only', 'platform,aws-cli'], { env: { HOME: missing } });
    expect(check(gone.json, 'platform')).toMatchObject({
      status: 'fail',
      summary: `HOME (${missing}) does not exist`,
      fix: { commands: [['mkdir', '-p', missing]], automatic: false },
    });
    expect(check(gone.json, 'aws-cli').status).toBe('ok');
    const aFile = join(box.root, 'home-file');
    await writeFile(aFile, '');
    const file = await box.run(['doctor', '--only', 'platform'], { env: { HOME: aFile } });
    expect(file.exitCode).toBe(1);
    expect(file.stdout).toContain(`✗ platform  HOME (${aFile}) is not a folder`);
    expect(file.stdout).toContain('Set HOME to your home folder');
  });

  it('fails path when ~/.local/bin holds duo-sso but is not on PATH, however the entry is spelled', async () => {
    const box = await sandbox();
    const localBin = await box.write('.local/bin/duo-sso', '#!/bin/sh\necho duo-sso v3.4.1\n', 0o755).then(() => box.path('.local/bin'));
    const missing = await box.run(['doctor', '--json', '--only', 'path']);
    expect(check(missing.json, 'path')).toMatchObject({ status: 'fail', summary: `${localBin} holds duo-sso but is not on PATH` });
    for (const spelling of [localBin, `${localBin}/`, box.path('.local//bin')]) {
      const r = await box.run(['doctor', '--json', '--only', 'path'], { env: { PATH: `${box.env.PATH}:${spelling}` } });
      expect(check(r.json, 'path').status, spelling).toBe('ok');
    }
  });

  it('points at line and column of a broken config', async () => {
    const box = await sandbox();
    await box.write('.config/duo-sso/config.json', '{\n  "url": "https://cloudsso.cisco.com",\n}\n');
    const r = await box.run(['doctor', '--json', '--only', 'config']);
    const cfg = check(r.json, 'config');
    expect(cfg.status).toBe('fail');
    expect(cfg.summary).toMatch(/config\.json:3:1: expected a property name/);
  });

  it('fails a config with a byte-order mark, and --fix with --config repairs that file, not the default one', async () => {
    const box = await sandbox();
    const custom = join(box.root, 'team-config.json');
    await writeFile(custom, '\uFEFF{"url": "https://cloudsso.cisco.com", "session_duration_seconds": 3600}\n');
    const r = await box.run(['doctor', '--json', '--only', 'config', '--config', custom]);
    expect(check(r.json, 'config')).toMatchObject({
      status: 'fail',
      summary: `${custom} starts with a byte-order mark (U+FEFF)`,
      fix: { automatic: true, commands: [['duo-sso-setup', 'config', 'fix', '--config', custom]] },
    });
    const fixed = await box.run(['doctor', '--json', '--only', 'config', '--fix', '--yes', '--config', custom]);
    expect(check(fixed.json, 'config')).toMatchObject({ status: 'ok', fixed: true });
    // Only the mark goes: the config fix's other repairs (missing partner_spid, aws_urn) were not asked for.
    expect(await readFile(custom, 'utf8')).toBe('{"url": "https://cloudsso.cisco.com", "session_duration_seconds": 3600}\n');
    await expect(box.read('.config/duo-sso/config.json')).rejects.toThrow();
  });

  it('a config.json that is a folder is to be moved aside (config init --force refuses a folder)', async () => {
    const box = await sandbox();
    const path = box.path('.config/duo-sso/config.json');
    await mkdir(path, { recursive: true });
    const r = await box.run(['doctor', '--json', '--only', 'config']);
    expect(check(r.json, 'config').fix).toEqual({
      description: 'Move the folder aside, then create the file',
      commands: [['mv', path, `${path}.old`], ['duo-sso-setup', 'config', 'init']],
      automatic: false,
    });
  });

  it('checks gpg and pass for real, and --fix initialises the store with the existing key', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass'] });
    const fpr = await createGpgKey(box);
    const before = await box.run(['doctor', '--json', '--only', 'gpg,pass']);
    expect(check(before.json, 'gpg').status).toBe('ok');
    const pass = check(before.json, 'pass');
    expect(pass.status).toBe('fail');
    expect(pass.fix).toMatchObject({ automatic: true, commands: [[`${box.bin}/pass`, 'init', fpr]] });

    const dry = await box.run(['doctor', '--json', '--only', 'pass', '--fix', '--dry-run']);
    expect(check(dry.json, 'pass').status).toBe('fail');
    await expect(box.read('.password-store/.gpg-id')).rejects.toThrow();

    const fixed = await box.run(['doctor', '--json', '--only', 'gpg,pass', '--fix', '--yes']);
    expect(check(fixed.json, 'pass')).toMatchObject({ status: 'ok', fixed: true });
    expect((await box.read('.password-store/.gpg-id')).trim()).toBe(fpr);
    expect(fixed.exitCode).toBe(0);
  });

  it('probes a git-backed pass store without adding commits or leaving anything behind', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'git'], env: {
      GIT_AUTHOR_NAME: 'Test User', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test User', GIT_COMMITTER_EMAIL: 'test@example.com',
    } });
    const fpr = await createGpgKey(box);
    const pass = `${box.bin}/pass`;
    expect((await box.exec(pass, ['init', fpr])).exitCode).toBe(0);
    expect((await box.exec(pass, ['git', 'init'])).exitCode).toBe(0);
    const git = (args: string[]) => box.exec(`${box.bin}/git`, ['-C', box.path('.password-store'), ...args]);
    const commits = (await git(['rev-list', '--count', 'HEAD'])).stdout;
    const files = (await git(['ls-files'])).stdout;
    const r = await box.run(['doctor', '--json', '--only', 'pass']);
    expect(check(r.json, 'pass')).toMatchObject({ status: 'ok' });
    expect((await git(['rev-list', '--count', 'HEAD'])).stdout).toBe(commits);
    expect((await git(['ls-files'])).stdout).toBe(files);
    expect((await git(['status', '--porcelain', '--untracked-files=all'])).stdout).toBe('');
  });

  it('--fix on a terminal gives the fix the terminal (pinentry, sudo) and shows its output', async () => {
    const box = await sandbox({ tools: ['gpg'] });
    await box.addTool('pass', 'real-pass');
    await box.addScript('pass', `#!/bin/sh
# Imitates pass whose gpg asks for a passphrase through pinentry on the terminal: init refuses without one.
if [ "$1" = init ] && ! [ -t 0 ]; then echo "gpg: public key decryption failed: Inappropriate ioctl for device" >&2; exit 2; fi
exec "${box.bin}/real-pass" "$@"
`);
    const fpr = await createGpgKey(box);
    // python3's pty gives the CLI a real terminal on stdin, stdout and stderr.
    const r = await box.exec('python3', ['-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', process.execPath, CLI, 'doctor', '--fix', '--yes', '--only', 'gpg,pass'], { env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain(`Password store initialized for ${fpr}`);
    expect(r.stdout).toMatch(/✓ pass +store .* works .*\(fixed\)/);
    expect(r.exitCode).toBe(0);
    expect((await box.read('.password-store/.gpg-id')).trim()).toBe(fpr);
  });

  it('--fix --yes will not install a duo-sso release nothing verifies: it names the command that works (with its SHA-256) and does not run one that would be refused', async () => {
    const server = await ReleaseServer.start({ '/rel/duo-sso_linux_amd64': '#!/bin/sh\n# Imitates a duo-sso release binary.\necho "duo-sso v3.4.1"\n' });
    try {
      const box = await sandbox();
      const env = { DUO_SSO_RELEASE_URL: `${server.url}/rel`, PATH: `${box.home}/.local/bin:${box.env.PATH}` };
      const r = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'duo-sso'], { env });
      expect(r.stderr).not.toContain('$ duo-sso-setup install duo-sso\n');
      const duo = check(r.json, 'duo-sso');
      expect(duo).toMatchObject({ status: 'fail', fix: { commands: [['duo-sso-setup', 'install', 'duo-sso', '--sha256', 'HEX']], automatic: false } });
      expect(duo.fix.description).toMatch(/^Install duo-sso with the SHA-256 of duo-sso_linux_amd64 from its release page .*nothing else can verify the download yet/);
      expect(duo.details.join('\n')).not.toContain('fix failed');
      expect(server.requests).toEqual([]);
      expect(r.exitCode).toBe(1);
      // The command it names is the one the refusal itself gives.
      const refused = await box.run(['install', 'duo-sso', '--yes'], { env });
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain('duo-sso-setup install duo-sso --sha256 HEX');
    } finally {
      await server.close();
    }
  });

  it('--fix runs a remedy shared by two checks once and reports why it failed', async () => {
    // No gpg key: gpg and pass both point at `install pass-gpg`, which needs a terminal for a passphrase.
    const box = await sandbox({
      tools: ['gpg', 'pass'],
      scripts: { 'apt-get': '#!/bin/sh\n# Imitates apt-get on a machine that already has pass and gnupg.\necho "pass is already the newest version (1.7.4-6)."\n' },
    });
    const r = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'gpg,pass']);
    expect(r.exitCode).toBe(1);
    for (const id of ['gpg', 'pass']) {
      expect(check(r.json, id)).toMatchObject({ status: 'fail', fixed: false });
      expect(check(r.json, id).details.join('\n')).toMatch(/fix failed: .*passphrase-protected gpg key needs a terminal/);
      expect(check(r.json, id).details.join('\n')).toContain('fix failed: duo-sso-setup install pass-gpg --yes exited 1: ');
    }
    expect(r.stderr.match(/fixing (gpg|pass):/g)).toEqual(['fixing gpg:']);
  });

  it('on a terminal without GPG_TTY, gpg warns with the line for the user\'s shell (and no unrelated install command)', async () => {
    const box = await sandbox({ tools: ['gpg'] });
    await createGpgKey(box);
    const pty = (env: Record<string, string | undefined>) => box.exec('python3', ['-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', process.execPath, CLI, 'doctor', '--only', 'gpg'], { env: { NO_COLOR: '1', ...env } });
    const zsh = await pty({ SHELL: '/usr/bin/zsh' });
    expect(zsh.stdout).toContain('! gpg  gpg ');
    expect(zsh.stdout).toContain('→ Add `export GPG_TTY=$(tty)` to ~/.zshrc, then open a new terminal');
    expect(zsh.stdout).not.toContain('install pass-gpg');
    const fish = await pty({ SHELL: '/usr/bin/fish' });
    expect(fish.stdout).toContain('→ Add `set -gx GPG_TTY (tty)` to ~/.config/fish/config.fish');
    const set = await pty({ GPG_TTY: '/dev/pts/0' });
    expect(set.stdout).toContain('✓ gpg  gpg ');
    // Off a terminal GPG_TTY does not matter.
    expect(check((await box.run(['doctor', '--json', '--only', 'gpg'])).json, 'gpg').status).toBe('ok');
  });

  it('fails gpg when the only key has expired', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass'] });
    // Expires one second from now; wait until it has.
    await createGpgKey(box, 'Old Key <old@example.com>', 'seconds=1');
    await new Promise((r) => setTimeout(r, 2100));
    const r = await box.run(['doctor', '--json', '--only', 'gpg']);
    const gpg = check(r.json, 'gpg');
    expect(gpg.status).toBe('fail');
    expect(gpg.details.join('\n')).toMatch(/expired key/);
  });

  it('lists its checks', async () => {
    const box = await sandbox();
    const r = await box.run(['doctor', '--list-checks', '--json']);
    expect(r.json.map((c: any) => c.id)).toEqual(expect.arrayContaining(['platform', 'aws-cli', 'duo-sso', 'gpg', 'pass', 'config']));
  });
});
