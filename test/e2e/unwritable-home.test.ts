// Every command in a HOME it cannot write: a read-only mount, a full tmpfs, a HOME that is a
// file, and no HOME at all. A real read-only mount (root ignores chmod-based read-only), made
// in a private mount namespace (`unshare -m`) so nothing outside the test sees it. Each
// scenario runs all commands in one namespace and one shell, to stay cheap on two cores.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, sandboxPerTest, systemTool } from '../support/sandbox.js';

const sandbox = sandboxPerTest();
const canMount = process.getuid?.() === 0 && existsSync('/usr/bin/unshare') && Boolean(systemTool('mount'));

/** Commands that write under HOME: they must refuse with one line naming the place and the cause. */
const WRITERS: string[][] = [
  ['setup', '--yes', '--no-login', '--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'],
  ['install', 'duo-sso', '--from', '/bin/true', '--yes'],
  ['install', 'pass-gpg', '--yes', '--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'],
  ['install', '--add-to-path', '--yes'],
  ['config', 'init', '--yes', '--profile', 'eticloud=111111111111:admin'],
  ['config', 'add-profile', 'x', '--account', '111111111111', '--role', 'admin', '--yes'],
];
/** The rest: whatever they answer, it is not a bug report or a stack trace. */
const OTHERS: string[][] = [
  ['doctor'], ['doctor', '--json'], ['config', 'validate'], ['config', 'fix', '--yes'], ['config', 'profiles'], ['config', 'remove-profile', 'x', '--yes'],
  ['login', '--yes'], ['status'], ['credentials', 'migrate', '--yes'], ['credentials', 'restore', '--yes'], ['upgrade', '--check'],
  ['credential-process', '--profile', 'x'], ['troubleshoot', 'gpg: decryption failed: No secret key'],
];

interface Ran { args: string[]; code: number; stdout: string; stderr: string }

/** Runs every command with `prepare` (shell) done first, in a private mount namespace. */
async function walk(prepare: string, home?: string): Promise<Ran[]> {
  const box = await sandbox({ tools: ['gpg', 'pass'] });
  const all = [...WRITERS, ...OTHERS];
  const out = join(box.root, 'out');
  const target = home ?? box.home;
  const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  const script = [
    // The preparation must work, or the test would pass on a writable HOME.
    'set -eu', `mkdir -p ${q(out)}`, prepare.replaceAll('$H', q(box.home)).replaceAll('mount ', `${systemTool('mount')} `).replaceAll('dd ', `${systemTool('dd')} `), 'set +e',
    ...all.map((args, i) => `HOME=${q(target)} ${q(process.execPath)} ${q(CLI)} ${args.map(q).join(' ')} </dev/null >${q(`${out}/${i}.out`)} 2>${q(`${out}/${i}.err`)}; echo $? >${q(`${out}/${i}.code`)}`),
  ].join('\n');
  const r = await box.exec('/usr/bin/unshare', ['-m', 'bash', '-c', script], { timeoutMs: 240_000 });
  expect(r.exitCode, r.stderr).toBe(0);
  return Promise.all(all.map(async (args, i) => ({
    args,
    code: Number(await readFile(`${out}/${i}.code`, 'utf8')),
    stdout: await readFile(`${out}/${i}.out`, 'utf8'),
    stderr: await readFile(`${out}/${i}.err`, 'utf8'),
  })));
}

function expectExplained(runs: Ran[], place: RegExp, cause: RegExp): void {
  for (const r of runs) {
    const text = `${r.stdout}${r.stderr}`;
    expect(text, r.args.join(' ')).not.toMatch(/bug in duo-sso-setup|unexpected error/);
    expect(text, r.args.join(' ')).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect([0, 1], `${r.args.join(' ')}: ${r.stderr}`).toContain(r.code);
    if (!WRITERS.includes(r.args)) continue;
    expect(r.code, `${r.args.join(' ')}: ${r.stderr}`).toBe(1);
    const error = r.stderr.split('\n').filter((l) => l.startsWith('duo-sso-setup: error:'));
    expect(error, `${r.args.join(' ')}: ${r.stderr}`).toHaveLength(1);
    expect(error[0], r.args.join(' ')).toMatch(place);
    expect(error[0], r.args.join(' ')).toMatch(cause);
  }
}

describe.runIf(canMount)('a HOME nothing can be written to', () => {
  it('read-only (a real ro mount): one line naming HOME and "read-only", never chmod advice', async () => {
    const runs = await walk('mount -t tmpfs -o ro,size=1m tmpfs $H');
    expectExplained(runs, /duo-sso-setup-test-[^/]+\/home/, /read-only file system|file system is read-only/);
    for (const r of runs) expect(`${r.stdout}${r.stderr}`, r.args.join(' ')).not.toMatch(/chmod|chown/);
    const doctor = runs.find((r) => r.args.join(' ') === 'doctor --json')!;
    expect(doctor.code).toBe(1);
    expect(JSON.parse(doctor.stdout).checks.find((c: any) => c.id === 'platform')).toMatchObject({ status: 'fail', summary: expect.stringMatching(/read-only/) });
  }, 300_000);

  it('full (a tmpfs filled to the last block): one line naming HOME and "no space"', async () => {
    const runs = await walk('mount -t tmpfs -o size=256k tmpfs $H && (dd if=/dev/zero of=$H/fill bs=4k 2>/dev/null || true)');
    expectExplained(runs, /duo-sso-setup-test-[^/]+\/home/, /no space|disk is full/);
  }, 300_000);

  it('a file: one line naming it and saying a folder is needed', async () => {
    const box = await sandbox();
    const file = join(box.root, 'home-file');
    await writeFile(file, 'not a folder\n');
    const runs = await walk('true', file);
    expectExplained(runs, /home-file/, /not a folder|is a file|a folder on its path is a file/);
  }, 300_000);
});

describe('no HOME at all', () => {
  it('config init --yes refuses in the doctor\'s words instead of writing into the passwd home', async () => {
    const box = await sandbox();
    const r = await box.run(['config', 'init', '--yes', '--profile', 'eticloud=111111111111:admin'], { env: { HOME: undefined } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^duo-sso-setup: error: HOME is not set: nothing was changed/);
    const doctor = await box.run(['doctor', '--json', '--only', 'platform'], { env: { HOME: '' } });
    expect(doctor.json.checks[0]).toMatchObject({ status: 'fail', summary: 'HOME is not set' });
  });

  it('completion still prints its script (it touches no file); doctor --fix is refused like every writer, its report is not', async () => {
    const box = await sandbox();
    const completion = await box.run(['completion', 'bash'], { env: { HOME: undefined } });
    expect(completion.exitCode, completion.stderr).toBe(0);
    expect(completion.stdout).toContain('complete -o default -o bashdefault -F _duo_sso_setup_complete duo-sso-setup');
    const fix = await box.run(['doctor', '--fix', '--yes', '--only', 'platform'], { env: { HOME: undefined } });
    expect(fix.exitCode).toBe(1);
    expect(fix.stderr).toMatch(/^duo-sso-setup: error: HOME is not set: nothing was changed/);
    expect(fix.stdout).toBe('');
    const report = await box.run(['doctor', '--only', 'platform'], { env: { HOME: undefined } });
    expect(report.exitCode).toBe(1);
    expect(report.stdout).toMatch(/HOME is not set/);
  });
});
