// Docs that are run: every block in README.md and docs/*.md that shows what a command prints sits
// between `<!-- example: NAME -->` and `<!-- /example -->`, and is that command's real output,
// run here in a sandbox on the machine the text describes (a fake HOME, the stand-ins from
// test/support, a fixed clock through faketime, a non-terminal stdout so nothing wraps).
// A change to the output fails this test, naming the file and the example, until the docs show
// it: `npm run docs:examples` (`UPDATE_DOCS=1 npx vitest run test/e2e/docs-examples.test.ts`)
// rewrites every marked block.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI, REPO, Sandbox, systemTool, type RunOutput, type SandboxOptions } from '../support/sandbox.js';
import { StsServer, type StsServerOptions } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';
import { buildSaml, grant, toBase64 } from '../support/saml-builder.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});
async function sandbox(opts?: SandboxOptions): Promise<Sandbox> {
  const box = await Sandbox.create(opts);
  cleanups.push(() => box.cleanup());
  return box;
}

/** Where the docs say the user's HOME is, and the pyenv shims of the README's machine. */
const DOC_HOME = '/home/me';
const SHIMS = '/root/.pyenv/shims';
/** The docs' clock: examples that depend on "now" run at this instant (UTC). */
const T0 = Date.parse('2026-11-26T10:18:00.000Z');
const FAKETIME = systemTool('faketime');

/** No colour, no terminal, no width to wrap to: what a pipe gets. */
const PLAIN = { NO_COLOR: '1', COLUMNS: undefined, CI: undefined, TZ: 'UTC' };

/**
 * Runs a program (the built CLI unless named) and everything it starts with the wall clock
 * stopped at `at` (faketime), so "in 3.9 h" and "secondsLeft" come out the same on every run;
 * timers run on the real monotonic clock.
 */
function runAt(box: Sandbox, at: number, args: string[], env: Record<string, string | undefined> = {}, file: string[] = [process.execPath, CLI]): Promise<RunOutput> {
  if (!FAKETIME) throw new Error('faketime is not installed (test/provision.sh installs it)');
  const stamp = new Date(at).toISOString().slice(0, 19).replace('T', ' ');
  return box.exec(FAKETIME, ['-f', stamp, ...file, ...args], { env: { ...PLAIN, ...env, FAKETIME_DONT_FAKE_MONOTONIC: '1' } });
}

/** An STS stand-in whose clock (its Date header, the expiry of what it issues) is the docs' clock. */
async function stsAt(at: number, opts: StsServerOptions = {}): Promise<StsServer> {
  const sts = await StsServer.start(opts);
  sts.now = () => new Date(at);
  cleanups.push(() => sts.close());
  return sts;
}

/** The sandbox's HOME shown as the docs' HOME. */
const asDocHome = (box: Sandbox, text: string) => text.split(box.home).join(DOC_HOME);
/** A transcript: the command line as typed, then what it printed (stdout, then stderr). */
const transcript = (args: string[], r: RunOutput) => `$ duo-sso-setup ${args.join(' ')}\n${r.stdout}${r.stderr}`;
/** Backup names carry the time they were made to the millisecond; the docs show one fixed time. */
const fixedBackupTimes = (text: string) => text.replace(/\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.bak/g, '.2026-11-26T10-18-00-000Z.bak');
/** How long each check took is the one thing a run cannot repeat. */
const fixedDurations = (text: string) => text.replace(/"durationMs": \d+/g, '"durationMs": 12');

function expectExit(r: RunOutput, code: number): void {
  expect(r.exitCode, `${r.stdout}${r.stderr}`).toBe(code);
}

/** What differs from one machine to another, left out of the comparison (never of the docs). */
const machineNeutral = (text: string) => text
  .replace(/^✓ platform .*$/m, '✓ platform          (this machine)')
  .replace(/"platform": \{[^}]*\}/, '"platform": (this machine)');

/** Each marked example, by name: how to produce it. */
const EXAMPLES: Record<string, () => Promise<string>> = {
  // A pip AWS CLI v1 first on PATH, v2 behind it, gpg and pass present but not set up, nothing else.
  async doctor() {
    const box = await sandbox({ tools: ['/usr/bin/aws', 'gpg', 'pass'] });
    const shims = join(box.root, 'pyenv', 'shims');
    await mkdir(shims, { recursive: true });
    // pip's AWS CLI v1 behind a pyenv shim (v1 prints its version on stderr).
    await writeFile(join(shims, 'aws'), '#!/bin/sh\necho "aws-cli/1.45.11 Python/3.11.7 Linux/6.1.0 botocore/1.31.0" >&2\n', { mode: 0o755 });
    const r = await box.run(['doctor'], { env: { ...PLAIN, PATH: `${shims}:${box.env.PATH}` } });
    expectExit(r, 1);
    // The sandbox's folders as on the machine described: v2 in /usr/bin, HOME as ~.
    return r.stdout.split(shims).join(SHIMS).split(box.bin).join('/usr/bin').split(box.home).join('~');
  },

  // A bare machine: no duo-sso, no config.json.
  async 'doctor-json'() {
    const box = await sandbox();
    const r = await box.run(['doctor', '--json', '--only', 'duo-sso,config'], { env: PLAIN });
    expectExit(r, 1);
    return fixedDurations(asDocHome(box, r.stdout));
  },

  async 'config-validate'() {
    const box = await sandbox();
    await box.write('.config/duo-sso/config.json', '{\n  "url": "https://cloudsso.cisco.com",\n  "session_duration_seconds": 3600,\n}\n');
    const args = ['config', 'validate'];
    const r = await box.run(args, { env: PLAIN });
    expectExit(r, 1);
    return asDocHome(box, transcript(args, r));
  },

  async 'config-fix'() {
    const box = await sandbox();
    await box.write('.config/duo-sso/config.json', `${JSON.stringify({
      url: 'https://cloudsso.cisco.com',
      session_duration_seconds: 28800,
      profiles: {
        eticloud: { aws_account_id: '626007623524', aws_role_name: 'admin' },
        scratch: { aws_account_id: '012345678901', aws_role_name: 'devops', session_duration_seconds: 43200 },
      },
    }, null, 2)}\n`);
    const args = ['config', 'fix', '--yes'];
    const r = await box.run(args, { env: PLAIN });
    expectExit(r, 0);
    return fixedBackupTimes(asDocHome(box, transcript(args, r)));
  },

  async 'troubleshoot-json'() {
    const box = await sandbox();
    const r = await box.run(['troubleshoot', '--json', "Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role."], { env: PLAIN });
    expectExit(r, 0);
    return r.stdout;
  },

  async 'saml-denied'() {
    const box = await sandbox();
    const denied = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder">'
      + '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:RequestDenied"/></samlp:StatusCode><samlp:StatusMessage>User is not assigned to this application</samlp:StatusMessage></samlp:Status></samlp:Response>';
    const r = await box.run(['saml', 'inspect', '-'], { env: PLAIN, input: toBase64(denied) });
    expectExit(r, 1);
    return r.stdout + r.stderr;
  },

  // Issued a minute before the docs' clock, redeemable for five minutes.
  async 'saml-json'() {
    const box = await sandbox();
    const issue = new Date(T0 - 60_000);
    const file = await box.write('response.b64', toBase64(buildSaml({
      issueInstant: issue, notBefore: new Date(issue.getTime() - 30_000), notOnOrAfter: new Date(issue.getTime() + 5 * 60_000),
      sessionDuration: 3600, roles: [grant('626007623524', 'admin')],
    })));
    const r = await runAt(box, T0, ['saml', 'inspect', file, '--json']);
    expectExit(r, 0);
    return r.stdout;
  },

  async status() {
    const { box, env } = await statusMachine();
    const r = await runAt(box, T0, ['status', '--verify'], env);
    expectExit(r, 1);
    return r.stdout + r.stderr;
  },

  // Keys valid until 11:00, moved into pass; asked at the docs' clock, then after 11:00.
  async 'credential-process'() {
    const box = await passMachine();
    const r = await runAt(box, T0, ['credential-process', '--profile', 'eticloud']);
    expectExit(r, 0);
    expect(r.stderr).toBe('');
    return r.stdout;
  },

  async 'credential-process-expired'() {
    const box = await passMachine();
    const r = await runAt(box, Date.parse('2026-11-26T11:05:00Z'), ['credential-process', '--profile', 'eticloud']);
    expectExit(r, 1);
    expect(r.stdout).toBe('');
    return r.stderr;
  },

  // Profile short asks for 4 hours of a role that allows 1: login lowers it and logs in again;
  // big asks for 1 hour of a role that allows 12, in a non-production account.
  async 'login-json'() {
    const sts = await stsAt(T0, { roles: {
      'arn:aws:iam::111111111111:role/admin': { maxSessionDuration: 3600 },
      'arn:aws:iam::333333333333:role/admin': { maxSessionDuration: 43200 },
    } });
    const box = await sandbox({ tools: ['/usr/bin/aws'], env: { AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_IAM: sts.url } });
    await installDuoSsoSim(box, { stsEndpoint: sts.url });
    await box.write('.config/duo-sso/config.json', `${JSON.stringify({
      url: 'https://cloudsso.cisco.com',
      session_duration_seconds: 3600,
      profiles: {
        short: { aws_account_id: '111111111111', aws_role_name: 'admin', session_duration_seconds: 14400 },
        big: { aws_account_id: '333333333333', aws_role_name: 'admin' },
      },
    }, null, 2)}\n`);
    const r = await runAt(box, T0, ['login', '--yes', '--json']);
    expectExit(r, 0);
    return fixedBackupTimes(asDocHome(box, r.stdout));
  },

  async 'status-json'() {
    const { box, env } = await statusMachine();
    const r = await runAt(box, T0, ['status', '--json', '--verify'], env);
    expectExit(r, 1);
    return asDocHome(box, r.stdout);
  },
};

/**
 * Profile eticloud logged in (keys valid until 14:12, which the STS stand-in knows), prod never;
 * the STS stand-in's clock agrees with the docs' clock.
 */
async function statusMachine(): Promise<{ box: Sandbox; env: Record<string, string> }> {
  const sts = await stsAt(T0);
  const box = await sandbox({ tools: ['/usr/bin/aws'] });
  const keys = { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN' };
  sts.addCredentials({
    ...keys, expiration: new Date('2026-11-26T14:12:00.000Z'), account: '111111111111',
    arn: 'arn:aws:sts::111111111111:assumed-role/admin/jdoe@example.com', userId: 'AROAEXAMPLEADMIN0001:jdoe@example.com',
  });
  await box.write('.config/duo-sso/config.json', `${JSON.stringify({
    url: 'https://cloudsso.cisco.com',
    session_duration_seconds: 3600,
    profiles: { eticloud: { aws_account_id: '111111111111', aws_role_name: 'admin' }, prod: { aws_account_id: '222222222222', aws_role_name: 'admin' } },
  }, null, 2)}\n`);
  await box.write('.aws/credentials', [
    '[eticloud]', `aws_access_key_id = ${keys.accessKeyId}`, `aws_secret_access_key = ${keys.secretAccessKey}`,
    `aws_session_token = ${keys.sessionToken}`, 'x_security_token_expires = 2026-11-26T14:12:00Z', '',
  ].join('\n'), 0o600);
  return { box, env: { AWS_ENDPOINT_URL_STS: sts.url } };
}

/** gpg and pass set up (the key made before the docs' clock), eticloud's keys migrated into pass. */
async function passMachine(): Promise<Sandbox> {
  const box = await sandbox({ tools: ['gpg', 'pass', '/usr/bin/aws'] });
  const gpg = systemTool('gpg')!;
  const made = await runAt(box, Date.parse('2026-11-01T09:00:00Z'), ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', 'Jane Doe <jdoe@example.com>', 'default', 'default', 'never'], {}, [gpg]);
  expectExit(made, 0);
  const list = await box.exec(gpg, ['--batch', '--list-secret-keys', '--with-colons']);
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(list.stdout)![1]!;
  expectExit(await box.exec(join(box.bin, 'pass'), ['init', fpr]), 0);
  await box.write('.aws/credentials', [
    '[eticloud]', 'aws_access_key_id = ASIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN', 'x_security_token_expires = 2026-11-26T11:00:00Z', '',
  ].join('\n'), 0o600);
  const migrate = await runAt(box, T0, ['credentials', 'migrate', '--store', 'pass', '--profile', 'eticloud', '--yes']);
  expectExit(migrate, 0);
  return box;
}

interface Marked { file: string; name: string; fence: string; body: string; start: number; end: number }

const MARK = /^<!-- example: ([\w-]+) -->\n(```[^\n]*\n)([\s\S]*?)^```\n<!-- \/example -->$/gm;

/** The marked blocks of one document; a marker without its block and end is an error. */
export function markedBlocks(file: string, text: string): Marked[] {
  const found = [...text.matchAll(MARK)].map((m) => ({
    file, name: m[1]!, fence: m[2]!, body: m[3]!, start: m.index! + m[0].indexOf(m[2]!) + m[2]!.length, end: m.index! + m[0].lastIndexOf('```\n<!-- /example -->'),
  }));
  const opened = text.match(/^<!-- example:/gm)?.length ?? 0;
  if (opened !== found.length) throw new Error(`${file}: ${opened} example markers, ${found.length} well formed (marker, fenced block, <!-- /example -->)`);
  return found;
}

async function documents(): Promise<string[]> {
  const docs = (await readdir(join(REPO, 'docs'))).filter((n) => n.endsWith('.md')).sort().map((n) => join('docs', n));
  return ['README.md', ...docs];
}

async function allMarked(): Promise<Marked[]> {
  const out: Marked[] = [];
  for (const file of await documents()) out.push(...markedBlocks(file, await readFile(join(REPO, file), 'utf8')));
  return out;
}

/**
 * Blocks that are neither commands to type nor output: files the reader writes. Every other
 * unmarked block must be `sh` (commands), so a hand-written output block cannot come back.
 * docs/troubleshooting.md is generated whole by scripts/gen-docs.mjs (its blocks quote the
 * messages it recognises) and is checked there.
 */
const INPUT_BLOCKS: Record<string, string[]> = { 'docs/fleet.md': ['```json\n{\n'] }; // the policy file

/** Fenced blocks outside the example markers, each as its fence line and first line. */
export function unmarkedBlocks(text: string): string[] {
  const outside = text.replace(MARK, '');
  return [...outside.matchAll(/^(```[^\n]*\n)([^\n]*\n)?[\s\S]*?^```$/gm)].map((m) => `${m[1]}${m[2] ?? ''}`);
}

describe('examples in README.md and docs/', () => {
  it('every other block is commands to type (sh) or a file the reader writes', async () => {
    const files = (await documents()).filter((f) => f !== 'docs/troubleshooting.md');
    let sh = 0;
    for (const file of files) {
      const blocks = unmarkedBlocks(await readFile(join(REPO, file), 'utf8'));
      const other = blocks.filter((b) => !b.startsWith('```sh\n'));
      sh += blocks.length - other.length;
      expect(other, `${file}: a block that shows output must be an <!-- example: NAME --> made here`).toEqual(INPUT_BLOCKS[file] ?? []);
    }
    expect(sh).toBeGreaterThanOrEqual(12);
  });

  it('tells an output block from a command block', () => {
    expect(unmarkedBlocks('a\n```sh\nduo-sso-setup doctor\n```\n<!-- example: x -->\n```\nout\n```\n<!-- /example -->\n```text\nhand-written\n```\n'))
      .toEqual(['```sh\nduo-sso-setup doctor\n', '```text\nhand-written\n']);
  });

  it('each marked block has a producer here, each producer a block, each name once', async () => {
    const marked = await allMarked();
    expect(marked.length).toBeGreaterThanOrEqual(10);
    expect(marked.map((m) => m.name).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it('finds a malformed marker instead of skipping it', () => {
    expect(() => markedBlocks('x.md', '<!-- example: a -->\n```\nout\n```\n')).toThrow(/1 example markers, 0 well formed/);
    expect(markedBlocks('x.md', 'intro\n<!-- example: a -->\n```text\nout\n```\n<!-- /example -->\n')).toEqual([
      { file: 'x.md', name: 'a', fence: '```text\n', body: 'out\n', start: 34, end: 38 },
    ]);
  });

  it.each(Object.keys(EXAMPLES))('%s is what the command prints', async (name) => {
    const shown = await EXAMPLES[name]!();
    expect(shown.trim(), 'the command printed nothing').not.toBe('');
    const marked = (await allMarked()).find((m) => m.name === name);
    expect(marked, `no <!-- example: ${name} --> in README.md or docs/`).toBeDefined();
    const { file, body } = marked!;
    const wanted = shown.endsWith('\n') ? shown : `${shown}\n`;
    if (process.env.UPDATE_DOCS === '1') {
      if (body !== wanted) {
        const path = join(REPO, file);
        const text = await readFile(path, 'utf8');
        const again = markedBlocks(file, text).find((m) => m.name === name)!;
        await writeFile(path, text.slice(0, again.start) + wanted + text.slice(again.end));
      }
      return;
    }
    expect(machineNeutral(body), `${file}, example ${name}: the docs (+ Received) show another output than the command prints (- Expected); npm run docs:examples rewrites it`).toBe(machineNeutral(wanted));
  });
});

/** README's Deno commands, from its inline code: `npx deno …` ones and bare `deno …` ones. */
export function denoCommands(readme: string): { npx: string[]; bare: { command: string; sentence: string }[] } {
  const npx: string[] = [];
  const bare: { command: string; sentence: string }[] = [];
  const prose = readme.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  for (const m of prose.matchAll(/`((?:npx )?deno [^`]+)`/g)) {
    if (m[1]!.startsWith('npx ')) npx.push(m[1]!);
    else {
      // The sentence around it: from the last full stop before to the next one after.
      const from = prose.lastIndexOf('. ', m.index!) + 1;
      const to = prose.indexOf('. ', m.index! + m[0].length);
      bare.push({ command: m[1]!, sentence: prose.slice(from, to < 0 ? undefined : to).replace(/\s+/g, ' ') });
    }
  }
  return { npx, bare };
}

describe("README.md's Deno commands", () => {
  it('work without Deno on PATH (npx deno is the one in node_modules), or say that Deno must be on PATH', async () => {
    const { npx, bare } = denoCommands(await readFile(join(REPO, 'README.md'), 'utf8'));
    expect(npx.length).toBeGreaterThanOrEqual(3);
    for (const b of bare) expect(b.sentence, `README.md: \`${b.command}\` assumes deno on PATH without saying so`).toMatch(/Deno (itself )?on PATH/);
    const home = await mkdtemp(join(tmpdir(), 'duo-sso-setup-deno-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    const env = { HOME: home, PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, NO_COLOR: '1', npm_config_update_notifier: 'false' };
    expect(spawnSync('/bin/sh', ['-c', 'command -v deno'], { env }).status, 'this test needs a PATH without deno').not.toBe(0);
    const tasks = Object.keys(JSON.parse((await readFile(join(REPO, 'deno.json'), 'utf8')).replace(/^\s*\/\/.*$/gm, '')).tasks);
    for (const command of npx) {
      const words = command.split(/\s+/);
      if (words[2] === 'task') {
        // A list of tasks (`build|test|…`): each is defined; they run their own Deno by path.
        const names = words[3]!.split('|');
        expect(names.filter((n) => !tasks.includes(n)), `${command}: tasks deno.json does not define`).toEqual([]);
        continue;
      }
      // `npx deno run -A FILE …`: the program answers --version.
      expect(words.slice(0, 4)).toEqual(['npx', 'deno', 'run', '-A']);
      const r = spawnSync('npx', ['deno', 'run', '-A', words[4]!, '--version'], { cwd: REPO, env, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, `${command}: ${r.stderr}`).toBe(0);
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it("deno install's command runs `deno` by name (why README says Deno must stay on PATH)", async () => {
    const root = await mkdtemp(join(tmpdir(), 'duo-sso-setup-deno-root-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const env = { HOME: root, PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, npm_config_update_notifier: 'false' };
    const made = spawnSync('npx', ['deno', 'install', '-g', '-A', '-n', 'duo-sso-setup', '--root', root, 'dist/cli.js'], { cwd: REPO, env, encoding: 'utf8', timeout: 120_000 });
    expect(made.status, made.stderr).toBe(0);
    const shim = await readFile(join(root, 'bin', 'duo-sso-setup'), 'utf8');
    expect(shim).toMatch(/^exec deno run /m);
    const ran = spawnSync(join(root, 'bin', 'duo-sso-setup'), ['--version'], { env, encoding: 'utf8' });
    expect(ran.status).toBe(127);
  });
});
