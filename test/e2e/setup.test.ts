// `setup` end to end in a bare Linux sandbox: real apt (packages already present), real gpg
// and pass, the real AWS CLI v2, the duo-sso simulator as the "downloaded" binary and the
// loopback STS stand-in. Also the same journey one command at a time.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, Sandbox, createGpgKey, systemTool } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim, type DuoSsoKnobs } from '../support/duo-sso-sim/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const canApt = Boolean(systemTool('apt-get')) && process.getuid?.() === 0;
const PROFILE = 'eticloud=111111111111:admin';
const GPG = ['--no-passphrase', '--gpg-name', 'Ann Example', '--gpg-email', 'ann@example.com'];

async function bareMachine(knobs: Partial<DuoSsoKnobs> = {}) {
  const sts = await StsServer.start({ roles: { 'arn:aws:iam::111111111111:role/admin': { maxSessionDuration: 3600 } } });
  const box = await Sandbox.create({ tools: ['/usr/bin/aws', 'gpg', 'pass', 'apt-get', 'dpkg'], env: { AWS_ENDPOINT_URL_STS: sts.url, SHELL: '/bin/bash' } });
  cleanups.push(() => sts.close(), () => box.cleanup());
  // The simulator stands in for the release binary the user downloaded; it is not on PATH as `duo-sso`.
  const sim = await installDuoSsoSim(box, { stsEndpoint: sts.url, ...knobs }, 'duo-sso_linux_amd64');
  const download = `${box.bin}/duo-sso_linux_amd64`;
  // A new terminal reads ~/.bashrc, which setup extended with ~/.local/bin.
  const newTerminal = { PATH: `${box.home}/.local/bin:${box.env.PATH}` };
  return { box, sts, sim, download, newTerminal };
}

/** The commands under "Next steps:" in setup's summary (comments after `#` dropped). */
function nextCommands(stdout: string): string[][] {
  const block = stdout.split('\nNext steps:\n')[1] ?? '';
  return block.split('\n').filter((l) => /^ {2}(aws|duo-sso-setup) /.test(l)).map((l) => l.replace(/#.*$/, '').trim().split(/\s+/));
}

describe.skipIf(!canApt)('setup on a bare Linux machine', () => {
  it('setup --yes installs duo-sso and pass/gpg, writes the config, logs in (-interactive the first time) and leaves doctor at exit 0; a rerun skips everything', async () => {
    const { box, sts, sim, download, newTerminal } = await bareMachine({ firstRunCertificatePrompt: true });
    const r = await box.run(['setup', '--yes', '--from', download, ...GPG, '--profile', PROFILE], { timeoutMs: 300_000 });
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('Setup summary:');
    expect(r.stdout).toContain('aws sts get-caller-identity --profile eticloud');
    expect(r.stdout).toMatch(/Install what is missing: installed duo-sso, pass-gpg/);
    expect(r.stdout).toMatch(/First login: logged in \(first login: -interactive\)/);
    expect((await sim.runs())[0]!.argv).toContain('-interactive');
    expect(await box.mode('.local/bin/duo-sso')).toBe(0o755);
    expect((await box.read('.password-store/.gpg-id')).trim()).toMatch(/^[0-9A-F]{40}$/);
    expect(JSON.parse(await box.read('.config/duo-sso/config.json')).profiles.eticloud).toMatchObject({ aws_account_id: '111111111111', aws_role_name: 'admin' });
    expect(await box.read('.aws/credentials')).toContain('[eticloud]');
    const bashrc = await box.read('.bashrc');
    expect(bashrc).toContain('export PATH="$HOME/.local/bin:$PATH"');
    expect(bashrc).toContain('export GPG_TTY=$(tty)');

    const doctor = await box.run(['doctor', '--json'], { env: newTerminal });
    expect(doctor.exitCode, JSON.stringify(doctor.json?.checks?.filter((c: any) => c.status === 'fail'))).toBe(0);

    // Every command the summary says to run next works here, as printed, in a new terminal.
    // (Debian's AWS CLI 2.9 ignores AWS_ENDPOINT_URL_STS: --endpoint-url is appended for the
    // stand-in; without a region it stops before that with "You must specify a region".)
    expect(r.stdout).toMatch(/Default AWS region: set region us-east-1 for eticloud in \S+ \(default; --region to choose another\)/);
    const next = nextCommands(r.stdout);
    expect(next.map((c) => c[0])).toEqual(['aws', 'duo-sso-setup', 'duo-sso-setup']);
    for (const argv of next) {
      const [file, ...args] = argv[0] === 'aws' ? [...argv, '--endpoint-url', sts.url] : [process.execPath, CLI, ...argv.slice(1)];
      const ran = await box.exec(file!, args, { env: newTerminal });
      expect(ran.exitCode, `${argv.join(' ')}\n${ran.stdout}\n${ran.stderr}`).toBe(0);
    }

    const runs = (await sim.runs()).length;
    // Rerun in the same terminal (its PATH still lacks ~/.local/bin; the profile has it now).
    const again = await box.run(['setup', '--yes', '--json'], { timeoutMs: 120_000 });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.json.steps.map((s: any) => [s.id, s.status])).toEqual([
      ['detect', 'done'], ['install', 'skipped'], ['completion', 'skipped'], ['config', 'skipped'], ['region', 'skipped'], ['login', 'skipped'], ['verify', expect.stringMatching(/done|warning/)],
    ]);
    expect((await sim.runs()).length).toBe(runs);
    expect(await box.read('.bashrc')).toBe(bashrc);
  }, 300_000);

  it('the same journey one command at a time', async () => {
    const { box, download, newTerminal } = await bareMachine();
    const steps: string[][] = [
      ['install', 'duo-sso', '--from', download, '--yes'],
      ['install', 'pass-gpg', '--yes', ...GPG],
      ['config', 'init', '--yes', '--profile', PROFILE],
      ['login', '--yes'],
    ];
    for (const args of steps) {
      const r = await box.run(args, { env: newTerminal, timeoutMs: 300_000 });
      expect(r.exitCode, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    }
    const doctor = await box.run(['doctor', '--json'], { env: newTerminal });
    expect(doctor.exitCode, JSON.stringify(doctor.json?.checks?.filter((c: any) => c.status === 'fail'))).toBe(0);
  }, 300_000);
});

describe('setup without a terminal', () => {
  it('changes nothing without --yes and says how to proceed', async () => {
    const { box } = await bareMachine();
    const r = await box.run(['setup']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/nothing was changed: setup would install duo-sso, install pass-gpg, load shell completion from \S+\.bashrc, write config\.json, log in/);
    expect(existsSync(box.path('.local'))).toBe(false);
    expect(existsSync(box.path('.config'))).toBe(false);
    // Not even an empty keyring: the doctor's gpg probe does not list keys in a home without any.
    expect(await readdir(box.path('.gnupg'))).toEqual([]);
  });

  it('--dry-run --json previews every step as one JSON document and changes nothing', async () => {
    const { box, download } = await bareMachine();
    const r = await box.run(['setup', '--dry-run', '--json', '--from', download, ...GPG, '--profile', PROFILE]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.dryRun).toBe(true);
    expect(r.json.steps.map((s: any) => s.id)).toEqual(['detect', 'install', 'completion', 'config', 'region', 'login', 'verify']);
    expect(r.json.steps.find((s: any) => s.id === 'region').detail).toMatch(/^would set region us-east-1 for eticloud in \S+\/\.aws\/config \(default; --region to choose another\)$/);
    expect(existsSync(box.path('.aws/config'))).toBe(false);
    expect(r.json.plans.map((p: any) => p.component)).toEqual(['duo-sso', 'pass-gpg', 'completion']);
    expect(existsSync(box.path('.bashrc'))).toBe(false);
    expect(existsSync(box.path('.local'))).toBe(false);
    expect(existsSync(box.path('.config/duo-sso/config.json'))).toBe(false);
    expect(await readdir(box.path('.gnupg'))).toEqual([]);
  });

  it('a failing install does not end setup: the config is still written, the login (which needs duo-sso) is skipped, and the summary names what is left', async () => {
    const { box } = await bareMachine();
    const bad = await box.write('Downloads/not-a-binary', 'release notes\n');
    const r = await box.run(['setup', '--yes', '--from', bad, ...GPG, '--profile', PROFILE], { timeoutMs: 300_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/✗ Install what is missing: duo-sso: the file is not a working duo-sso/);
    // pass-gpg does not need duo-sso: it was installed all the same.
    expect(r.stdout).toMatch(/installed pass-gpg/);
    expect(r.stdout).toMatch(/✓ Write duo-sso's config.json: wrote/);
    expect(existsSync(box.path('.config/duo-sso/config.json'))).toBe(true);
    expect(r.stdout).toMatch(/- First login: not run: it needs duo-sso, which was not installed/);
    expect(r.stdout).toContain('$ duo-sso-setup install duo-sso --from FILE');
    expect(r.stdout).toContain('$ duo-sso-setup login');
  }, 300_000);
});

describe('setup and PATH', () => {
  it('tools in ~/.local/bin that PATH misses: setup offers the profile line (with --yes, adds it) instead of reinstalling', async () => {
    const { box } = await bareMachine();
    await box.write('.local/bin/duo-sso', '#!/bin/sh\n# Imitates an installed duo-sso.\necho "duo-sso v3.4.1"\n', 0o755);
    await box.write('.config/duo-sso/config.json', '{}\n');
    const r = await box.run(['setup', '--yes', '--no-login', '--json', '--no-passphrase', '--gpg-name', 'N', '--gpg-email', 'n@example.com'], { timeoutMs: 300_000 });
    const install = r.json.steps.find((s: any) => s.id === 'install');
    expect(install.detail, JSON.stringify(r.json.steps)).not.toContain('duo-sso');
    expect(install.status, JSON.stringify(install)).not.toBe('failed');
    expect(await box.read('.bashrc')).toContain('export PATH="$HOME/.local/bin:$PATH"');
    expect(r.json.installed.map((p: any) => p.component)).toEqual(['pass-gpg', 'path']);
  }, 300_000);
});

describe('setup and a pip-installed AWS CLI v1 that shadows v2', () => {
  /** Everything in place but the AWS CLI: a pyenv-style v1 first on PATH, the real v2 behind it. */
  async function shadowedMachine() {
    const { box, sts } = await bareMachine();
    await installDuoSsoSim(box, { stsEndpoint: sts.url });
    const fpr = await createGpgKey(box);
    await box.exec(systemTool('pass')!, ['init', fpr]);
    await box.write('.config/duo-sso/config.json', '{"profiles":{}}\n');
    const shims = join(box.root, 'pyenv', 'shims');
    await mkdir(shims, { recursive: true });
    // Imitates pip's AWS CLI v1 behind a pyenv shim (v1 prints its version on stderr).
    await writeFile(join(shims, 'aws'), '#!/bin/sh\necho "aws-cli/1.29.0 Python/3.11.7 Linux/6.1.0 botocore/1.31.0" >&2\n', { mode: 0o755 });
    const pipLog = join(box.root, 'pip.log');
    // Imitates pip: records its arguments and uninstalls the v1 shim.
    await box.addScript('pip', `#!/bin/sh\necho "$*" >> ${pipLog}\nrm -f ${shims}/aws\n`);
    return { box, shims, pipLog, env: { PATH: `${shims}:${box.env.PATH}` } };
  }

  it('is in the plan and the dry run; --yes leaves it installed; --remove-aws-cli-v1 --yes removes it', async () => {
    const { box, shims, pipLog, env } = await shadowedMachine();
    const dry = await box.run(['setup', '--dry-run', '--json', '--no-login'], { env });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.json.plans[0]).toMatchObject({ component: 'aws-cli', method: 'remove-v1', steps: [{ kind: 'remove-software', commands: [['pip', 'uninstall', '--yes', 'awscli']] }] });
    const human = await box.run(['setup', '--dry-run', '--no-login'], { env });
    expect(human.stderr).toContain(`Remove the pip-installed AWS CLI v1 at ${shims}/aws [only with --remove-aws-cli-v1]`);

    const yes = await box.run(['setup', '--yes', '--no-login', '--json'], { env, timeoutMs: 120_000 });
    expect(existsSync(pipLog)).toBe(false);
    expect(existsSync(join(shims, 'aws'))).toBe(true);
    expect(yes.json.installed[0].notes).toEqual([expect.stringMatching(/^Not done: Remove the pip-installed AWS CLI v1 .*--remove-aws-cli-v1/)]);

    const removed = await box.run(['setup', '--yes', '--no-login', '--remove-aws-cli-v1', '--json'], { env, timeoutMs: 120_000 });
    expect(await readFile(pipLog, 'utf8')).toBe('uninstall --yes awscli\n');
    expect(removed.json.steps.find((s: any) => s.id === 'verify').detail).not.toMatch(/shadows/);
  }, 300_000);
});

describe('setup at a terminal with stderr sent to a log', () => {
  it.runIf(existsSync('/usr/bin/script'))('`setup 2>log` still asks, on the terminal (stdout), instead of saying there is no terminal', async () => {
    const { box, download } = await bareMachine();
    const log = join(box.root, 'setup.log');
    // script(1) gives setup a pseudo-terminal for stdin and stdout; stderr goes to a file.
    const child = spawn('/usr/bin/script', ['-qec', `'${process.execPath}' '${CLI}' setup --no-login --from '${download}' ${GPG.map((a) => `'${a}'`).join(' ')} 2>'${log}'`, '/dev/null'], { env: box.env, cwd: box.home, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      screen += d;
      // Seen: that is all this test needs. Closing the terminal ends setup (SIGHUP).
      if (/Go ahead/.test(screen)) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (screen += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    await new Promise((resolve) => child.on('close', resolve));
    clearTimeout(killer);
    expect(screen, await readFile(log, 'utf8').catch(() => 'no log')).toContain('Go ahead');
    // The plan is on the terminal too, before the question: what the yes would agree to.
    expect(screen.indexOf('Install as')).toBeGreaterThan(-1);
    expect(screen.indexOf('Install as')).toBeLessThan(screen.indexOf('Go ahead'));
    expect(await readFile(log, 'utf8')).not.toMatch(/no terminal/);
    // Nothing was agreed to, so nothing was installed.
    expect(existsSync(box.path('.local/bin/duo-sso'))).toBe(false);
  }, 120_000);
});
