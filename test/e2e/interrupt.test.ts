// Ctrl-C on a real terminal (issue 11 Build 2), under Node and Deno: at every question the
// tool asks, while setup is still checking, and during an install step. Each time: exit 130,
// one line saying what was and was not changed, no process or temporary file of ours left,
// and every file as it was (or completely written).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type Runtime, type Sandbox, createGpgKey, sandboxPerTest, systemTool } from '../support/sandbox.js';
import { CTRL_C, type PtyStep, leftoverProcesses, leftoverTempFiles, runInPty, settledLeftovers } from '../support/pty.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';
import { FakeBrew, brokenTapScenario } from '../support/fake-brew/index.js';
import { duoSsoScript, sha256, startReleaseServer } from '../support/upgrade-release-server.js';
import { releaseAssetName } from '../../src/release/release-source.js';

const sandbox = sandboxPerTest();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});
const CONFIG = '.config/duo-sso/config.json';
const SUMMARY = /^duo-sso-setup: interrupted; nothing was changed\.$/m;

/** Every file under HOME with its content: "unchanged" means equal. */
async function files(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        // gpg's own state changes as gpg runs; it is not ours.
        if (e.name !== '.gnupg') await walk(p);
      } else if (e.isFile()) out[relative(root, p)] = `${(await stat(p)).mode & 0o777}:${await readFile(p, 'base64')}`;
    }
  };
  await walk(root);
  return out;
}

/** A config.json with fixable problems (no partner_spid/aws_urn): config fix and doctor --fix ask. */
const FIXABLE = '{\n  "url": "https://cloudsso.cisco.com",\n  "profiles": {\n    "dev": { "aws_account_id": "111111111111", "aws_role_name": "admin" }\n  }\n}\n';

const DUO_SSO_STANDIN = '#!/bin/sh\ncase "$1" in --version|-version) echo "duo-sso v3.4.1"; exit 0 ;; esac\nexit 0\n';

/** A TMPDIR of the sandbox's own, so that temporary files left behind can be seen. */
async function privateTmp(box: Sandbox): Promise<string> {
  const tmp = join(box.root, 'tmp');
  await mkdir(tmp);
  box.env.TMPDIR = tmp;
  return tmp;
}

interface Question {
  name: string;
  args: string[];
  /** What appears when the question is up. */
  question: string;
  prepare?: (box: Sandbox) => Promise<void>;
  tools?: string[];
  also?: (screen: string) => void;
  /** Questions answered before the one Ctrl-C comes at. */
  steps?: PtyStep[];
  /** The summary line, when the run had changed something before the question. */
  summary?: RegExp;
  /**
   * What must hold of the files afterwards, when the command had written some before the
   * question (default: every file under HOME as it was).
   */
  files?: (box: Sandbox, before: Record<string, string>, after: Record<string, string>) => Promise<void> | void;
}

/**
 * login's own questions come after duo-sso has run: the simulator logs in through the loopback
 * STS stand-in, whose roles allow 3600 s (111111111111) and 43200 s (333333333333).
 */
async function loginAgainstSts(box: Sandbox, profile: Record<string, unknown>): Promise<void> {
  const sts = await StsServer.start({ roles: { 'arn:aws:iam::111111111111:role/admin': { maxSessionDuration: 3600 }, 'arn:aws:iam::333333333333:role/admin': { maxSessionDuration: 43200 } } });
  stops.push(() => sts.close());
  Object.assign(box.env, { AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_IAM: sts.url });
  await installDuoSsoSim(box, { stsEndpoint: sts.url });
  await box.write(CONFIG, `${JSON.stringify({
    url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
    session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false, profiles: { dev: profile },
  }, null, 2)}\n`);
}

/**
 * config.json (the file the question was about) as it was; the credentials duo-sso saved before
 * the question (`saved`) are whole, or there are none (STS refused the only profile).
 */
const configKept = (credentials: 'saved' | 'none') => async (box: Sandbox, before: Record<string, string>, after: Record<string, string>): Promise<void> => {
  expect(after[CONFIG]).toEqual(before[CONFIG]);
  if (credentials === 'none') expect(after['.aws/credentials']).toBeUndefined();
  else expect(await box.read('.aws/credentials')).toMatch(/^\[dev\]\naws_access_key_id = \S+\naws_secret_access_key = \S+\naws_session_token = \S+\n/m);
};

/** duo-sso (the simulator) ran before the question, and the line says so. */
const RAN_DUO_SSO = /^duo-sso-setup: interrupted; changed before stopping: ran \S*\/duo-sso; nothing else was changed\.$/m;

let brew: FakeBrew | undefined;

const QUESTIONS: Question[] = [
  { name: 'config init (the wizard)', args: ['config', 'init'], question: 'sign-in URL' },
  // A list to pick one from (select), two answers into the wizard.
  { name: 'config init: Duo factor (a select)', args: ['config', 'init'], question: 'Duo factor', steps: [{ waitFor: 'sign-in URL', send: '\r' }, { waitFor: 'Duo device', send: '\r' }] },
  {
    name: 'config init: Replace the existing config.json?', args: ['config', 'init'], question: 'already exists\\. Replace it',
    prepare: async (box) => void (await box.write(CONFIG, FIXABLE)),
  },
  { name: 'config fix', args: ['config', 'fix'], question: 'Apply these', prepare: async (box) => void (await box.write(CONFIG, FIXABLE)) },
  // Two fixes to offer: the first Ctrl-C must stop both (it was "no" to each, four presses to leave).
  {
    name: 'doctor --fix', args: ['doctor', '--fix', '--only', 'session-duration,profiles'], question: 'Fix ', prepare: async (box) => void (await box.write(CONFIG, FIXABLE)),
    also: (screen) => expect(/Fix session-duration/.test(screen) && /Fix profiles/.test(screen), screen).toBe(false),
  },
  {
    // Asked only where the install can work: on Linux that takes Homebrew (or a pinned release key), so a
    // Homebrew without duo-sso is on the PATH, and Ctrl-C must leave it untouched.
    name: 'login: Install duo-sso now?', args: ['login'], question: 'Install it now',
    prepare: async (box) => {
      await box.write(CONFIG, FIXABLE);
      brew = await FakeBrew.install(box, { taps: {}, installed: {} });
      box.env.PATH = brew.pathFor(box);
    },
    files: async (_box, before, after) => {
      expect(after).toEqual(before);
      expect(await brew!.changingCommands()).toEqual([]);
    },
  },
  {
    name: 'login: Create config.json now?', args: ['login'], question: 'Create it now',
    prepare: async (box) => void (await box.addScript('duo-sso', DUO_SSO_STANDIN)),
  },
  { name: 'install pass-gpg: Go ahead?', args: ['install', 'pass-gpg', '--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'], question: 'Go ahead', tools: ['gpg', 'pass'] },
  {
    name: 'credentials migrate: Move the keys?', args: ['credentials', 'migrate'], question: 'Move the keys', tools: ['gpg', 'pass'],
    prepare: async (box) => {
      await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
      await box.write('.aws/credentials', '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\naws_session_token = FwoGZXIvYXdzEXAMPLETOKEN\n', 0o600);
      await box.write('.aws/config', '[profile dev]\nregion = us-east-1\n', 0o644);
    },
  },
  {
    // The way back: after a migrate, the keys out of pass and into ~/.aws/credentials again?
    name: 'credentials restore: Put the keys back?', args: ['credentials', 'restore'], question: 'Put the keys of dev back', tools: ['gpg', 'pass'],
    prepare: async (box) => {
      await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
      await box.write('.aws/credentials', '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\naws_session_token = FwoGZXIvYXdzEXAMPLETOKEN\n', 0o600);
      await box.write('.aws/config', '[profile dev]\nregion = us-east-1\n', 0o644);
      const migrated = await box.run(['credentials', 'migrate', '--yes']);
      expect(migrated.exitCode, migrated.stderr).toBe(0);
    },
  },
  {
    // A multiselect (a list drawn over several lines).
    name: 'config import: Which profiles?', args: ['config', 'import', '../listing.txt'], question: 'Which profiles should be added[\\s\\S]*scratch',
    prepare: async (box) => {
      await box.write(CONFIG, FIXABLE);
      await box.write('../listing.txt', 'SSO completed successfully\nAccount: eticloud (626007623524)\n  [1] admin\nAccount: scratch (012345678901)\n  [3] devops\n');
    },
  },
  { name: 'setup: Go ahead?', args: ['setup', '--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'], question: 'Go ahead', tools: ['gpg', 'pass'] },
  {
    // STS refused the profile's 14400 s (MaxSessionDuration 3600): lower it in config.json?
    name: 'login: lower the session duration STS refused?', args: ['login'], question: 'allows less than the 14400 s that profile dev asks for[^?]*\\?',
    prepare: (box) => loginAgainstSts(box, { aws_account_id: '111111111111', aws_role_name: 'admin', session_duration_seconds: 14400 }),
    summary: RAN_DUO_SSO,
    files: configKept('none'),
  },
  {
    // iam:GetRole said the role allows 43200 s: raise the profile from 3600 to 14400 s?
    name: 'login: raise the session duration after iam:GetRole?', args: ['login'], question: 'Raise profile dev from 3600 to 14400 s\\?',
    prepare: (box) => loginAgainstSts(box, { aws_account_id: '333333333333', aws_role_name: 'admin' }),
    summary: RAN_DUO_SSO,
    files: configKept('saved'),
  },
  {
    // duo-sso from Homebrew with a broken tap; the PATH reaches the fake brew.
    name: 'upgrade: Upgrade duo-sso through Homebrew?', args: ['upgrade', 'duo-sso'], question: 'Upgrade duo-sso [^?]*through Homebrew[^?]*\\?',
    prepare: async (box) => {
      brew = await FakeBrew.install(box, brokenTapScenario());
      box.env.PATH = brew.pathFor(box);
    },
    files: async (_box, before, after) => {
      expect(after).toEqual(before);
      expect(await brew!.changingCommands()).toEqual([]);
    },
  },
  {
    // duo-sso as a release binary: the release folder (a loopback stand-in) has 3.5.0.
    name: 'upgrade: Upgrade duo-sso at its path (a release binary)?', args: ['upgrade', 'duo-sso', '--sha256', sha256(duoSsoScript('3.5.0'))], question: 'Upgrade duo-sso [^?]* at [^?]*\\?',
    prepare: async (box) => {
      const server = await startReleaseServer({ version: '3.5.0', assets: { [releaseAssetName('linux', process.arch)]: { content: duoSsoScript('3.5.0') } }, checksums: false });
      stops.push(() => server.close());
      box.env.DUO_SSO_RELEASE_URL = server.folder;
      await box.addScript('duo-sso', duoSsoScript('3.4.0'));
    },
    files: async (box, before, after) => {
      expect(after).toEqual(before);
      expect(await readFile(join(box.bin, 'duo-sso'), 'utf8')).toBe(duoSsoScript('3.4.0'));
      expect(await readdir(box.bin)).not.toContain('duo-sso.previous');
    },
  },
  {
    // install's per-step question, after the plan's "Go ahead?" was answered yes.
    name: 'install --add-to-path: Add the PATH line to ~/.bashrc?', args: ['install', '--add-to-path'], question: 'Add `[^`]*` to [^ ]*\\.bashrc',
    prepare: async (box) => {
      box.env.SHELL = '/bin/bash';
      await box.write('.bashrc', 'alias ll="ls -l"\n');
    },
    steps: [{ waitFor: 'Go ahead', send: '\r' }],
  },
  {
    // The same question after a step that changed something: duo-sso is in ~/.local/bin by then.
    name: 'install duo-sso --from: Add the PATH line, after the binary went in?', args: ['install', 'duo-sso', '--from', '../duo-sso_linux_amd64'], question: 'Add `[^`]*` to [^ ]*\\.bashrc',
    prepare: async (box) => {
      box.env.SHELL = '/bin/bash';
      await box.write('../duo-sso_linux_amd64', DUO_SSO_STANDIN, 0o755);
    },
    steps: [{ waitFor: 'Go ahead', send: '\r' }],
    summary: /^duo-sso-setup: interrupted; changed before stopping: .*\.local\/bin\/duo-sso.*; nothing else was changed\.$/m,
    files: async (box, before, after) => {
      expect(after['.local/bin/duo-sso']).toBeDefined();
      expect(await box.read('.local/bin/duo-sso')).toBe(DUO_SSO_STANDIN);
      const { ['.local/bin/duo-sso']: _installed, ...rest } = after;
      expect(rest).toEqual(before);
    },
  },
  {
    // A new gpg key needs a name, and git has none to offer: asked before any plan.
    name: 'install pass-gpg: Name for your new gpg key?', args: ['install', 'pass-gpg', '--no-passphrase'], question: 'Name for your new gpg key', tools: ['gpg', 'pass'],
  },
  {
    // Removing a pip-installed AWS CLI v1 has its own question (default No), after "Go ahead?".
    name: 'install aws-cli: Remove the pip-installed AWS CLI v1?', args: ['install', 'aws-cli'], question: 'only if you want it gone',
    prepare: async (box) => {
      const shims = join(box.root, 'pyenv', 'shims');
      await mkdir(shims, { recursive: true });
      await writeFile(join(shims, 'aws'), '#!/bin/sh\n# Imitates a pip-installed AWS CLI v1 behind a pyenv shim (it prints its version on stderr).\necho "aws-cli/1.29.0 Python/3.11.7 Linux/6.1.0 botocore/1.31.0" >&2\n', { mode: 0o755 });
      box.env.PATH = `${shims}:${box.env.PATH}`;
      await box.addScript('pip', `#!/bin/sh\n# Imitates pip: records that it ran.\ntouch ${box.root}/pip-ran\n`);
    },
    steps: [{ waitFor: 'Go ahead', send: '\r' }],
    files: async (box, before, after) => {
      expect(after).toEqual(before);
      expect(await readdir(box.root)).not.toContain('pip-ran');
    },
  },
];

describe.each<Runtime>(['node', 'deno'])('Ctrl-C at a question under %s', (runtime) => {
  for (const q of QUESTIONS) {
    it(`${q.name}: exit 130, one summary line, nothing changed or left behind`, async () => {
      const box = await sandbox({ tools: q.tools ?? [] });
      const tmp = await privateTmp(box);
      await q.prepare?.(box);
      const before = await files(box.home);
      const r = await runInPty(box, q.args, { runtime, steps: [...(q.steps ?? []), { waitFor: q.question, send: CTRL_C }] });
      expect(r.missed, `${r.exitCode} ${r.raw}`).toBeUndefined();
      expect(r.exitCode, r.screen).toBe(130);
      expect(r.screen).toMatch(q.summary ?? SUMMARY);
      expect(r.screen.match(/duo-sso-setup: interrupted/g), r.screen).toHaveLength(1);
      expect(r.screen).not.toMatch(/Uncaught|readline was closed| {4}at /);
      // The cancelled question shows no answer (a confirmation showed its default, "· yes";
      // a list "No items were selected").
      expect(r.screen).not.toMatch(/✖ [^\n]*· (yes|no|No items)/);
      q.also?.(r.screen);
      if (q.files) await q.files(box, before, await files(box.home));
      else expect(await files(box.home)).toEqual(before);
      expect(await leftoverTempFiles(box.root)).toEqual([]);
      expect(await readdir(tmp)).toEqual([]);
      expect(await settledLeftovers(box.home)).toEqual([]);
    }, 120_000);
  }
});

/** A stand-in that says it started (a file), then waits on a child that ignores SIGTERM. */
const hanging = (started: string, marker: string) => `#!/bin/sh\ntouch ${started}\n(trap '' TERM; exec sleep 300 ${marker})\necho done\n`;
const newMarker = (): string => `0.${Date.now()}${Math.floor(Math.random() * 1e6)}`;

/**
 * Runs the CLI on a terminal with `tools` replaced by hanging stand-ins, and types Ctrl-C once
 * one of them has started. Returns the run and what it must leave clean.
 */
async function ctrlCWhileHanging(runtime: Runtime, tools: string[], args: string[], before?: (box: Sandbox) => Promise<void>) {
  const box = await sandbox();
  const tmp = await privateTmp(box);
  const marker = newMarker();
  const started = join(box.root, 'tool-started');
  for (const tool of tools) await box.addScript(tool, hanging(started, marker));
  await before?.(box);
  const home = await files(box.home);
  const r = await runInPty(box, args, { runtime, steps: [{ waitFor: '', waitForFile: started, send: CTRL_C, delayMs: 300 }], exitTimeoutMs: 20_000 });
  expect(r.missed, r.screen).toBeUndefined();
  expect(r.exitCode, r.screen).toBe(130);
  expect(r.screen.match(/duo-sso-setup: interrupted/g), r.screen).toHaveLength(1);
  expect(await settledLeftovers(marker)).toEqual([]);
  expect(await settledLeftovers(box.home)).toEqual([]);
  expect(await leftoverTempFiles(box.root)).toEqual([]);
  expect(await readdir(tmp)).toEqual([]);
  return { r, box, home };
}

const GPG_FLAGS = ['--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'];

describe.each<Runtime>(['node', 'deno'])('Ctrl-C while working under %s', (runtime) => {
  it('while setup is still checking (a gpg that hangs): exit 130 at once, the gpg group is gone, nothing changed', async () => {
    const { r, box, home } = await ctrlCWhileHanging(runtime, ['gpg', 'gpg2'], ['setup']);
    expect(r.screen).toMatch(SUMMARY);
    expect(r.screen).not.toContain('Go ahead');
    expect(await files(box.home)).toEqual(home);
  }, 120_000);

  it('during an install step (apt-get hangs): exit 130, the step\'s group is gone, the summary names the step it stopped', async () => {
    const { r } = await ctrlCWhileHanging(runtime, ['apt-get'], ['install', 'pass-gpg', '--yes', ...GPG_FLAGS]);
    // The step was stopped before it finished: it may have changed part of the machine.
    expect(r.screen).toMatch(/^duo-sso-setup: interrupted; changed before stopping: started apt-get .*install -y pass gnupg \(stopped before it finished\); nothing else was changed\.$/m);
  }, 120_000);

  it('during setup\'s steps (listr draws them; apt-get hangs): exit 130 with the one line, not listr\'s own exit 127', async () => {
    await ctrlCWhileHanging(runtime, ['apt-get'], ['setup', '--yes', ...GPG_FLAGS]);
  }, 120_000);

  it('at a question of a command login started on the terminal (config init): the whole login stops with 130', async () => {
    const box = await sandbox();
    await box.addScript('duo-sso', DUO_SSO_STANDIN);
    const before = await files(box.home);
    const r = await runInPty(box, ['login'], { runtime, steps: [{ waitFor: 'Create it now', send: '\r' }, { waitFor: 'sign-in URL', send: CTRL_C }] });
    expect(r.missed, r.screen).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(130);
    expect(r.screen).not.toContain('duo-sso-setup: error');
    expect(r.screen.match(/duo-sso-setup: interrupted/g), r.screen).toHaveLength(1);
    expect(await files(box.home)).toEqual(before);
    expect(await settledLeftovers(box.home)).toEqual([]);
  }, 120_000);
});

const canApt = Boolean(systemTool('apt-get')) && process.getuid?.() === 0;

describe.skipIf(!canApt).each<Runtime>(['node', 'deno'])('Ctrl-C at the new key\'s passphrase question under %s', (runtime) => {
  it('install pass-gpg: exit 130, no pinentry left on the terminal, and gpg answers at once afterwards', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'apt-get', 'dpkg', 'pinentry', 'pinentry-curses'] });
    const r = await runInPty(box, ['install', 'pass-gpg', '--yes', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'], {
      runtime, steps: [{ waitFor: 'Passphrase', send: CTRL_C, delayMs: 500 }], exitTimeoutMs: 30_000,
    });
    expect(r.missed, r.screen).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(130);
    expect(r.screen.match(/duo-sso-setup: interrupted/g), r.screen).toHaveLength(1);
    // Right away, not after the agent's own minute: the pinentry went with the run.
    expect((await leftoverProcesses(box.home)).filter((p) => /pinentry/.test(p.cmdline))).toEqual([]);
    const t0 = Date.now();
    const next = await box.exec(systemTool('gpg')!, ['--batch', '--list-secret-keys'], { timeoutMs: 60_000 });
    expect(next.exitCode).toBe(0);
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 180_000);
});

describe.skipIf(!canApt).each<Runtime>(['node', 'deno'])('one passphrase for a new key under %s', (runtime) => {
  it('install pass-gpg asks it twice (not shown), and the store works right after: no "locked", no third question', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'apt-get', 'dpkg', 'pinentry', 'pinentry-curses'] });
    const secret = 'Tr0ub4dor and more';
    const r = await runInPty(box, ['install', 'pass-gpg', '--yes', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'], {
      runtime, exitTimeoutMs: 120_000,
      steps: [{ waitFor: 'Passphrase for your new gpg key', send: `${secret}\r` }, { waitFor: 'same passphrase again', send: `${secret}\r` }],
    });
    expect(r.missed, r.screen).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(0);
    expect(r.screen).not.toContain(secret);
    expect(r.screen).not.toMatch(/locked/i);
    // No terminal now: the agent answers for the key, so the doctor's round trip passes.
    const doctor = await box.run(['doctor', '--only', 'pass', '--json'], { runtime });
    expect(doctor.json.checks[0], JSON.stringify(doctor.json)).toMatchObject({ id: 'pass', status: 'ok' });
  }, 180_000);
});

describe.each<Runtime>(['node', 'deno'])('questions on a terminal under %s', (runtime) => {
  it('a confirmation shows its answer as yes/no, not (Y/n) · true', async () => {
    const box = await sandbox();
    await box.write(CONFIG, FIXABLE);
    const r = await runInPty(box, ['config', 'fix'], { runtime, steps: [{ waitFor: 'Apply these', send: 'n' }] });
    expect(r.missed, r.screen).toBeUndefined();
    expect(r.screen).toMatch(/\(Y\/n\) · no/);
    expect(r.screen).not.toMatch(/· (true|false)/);
  }, 90_000);

  it('SIGTERM while a question is up (kill, not a key): the question is cancelled, exit 143, one line', async () => {
    const box = await sandbox();
    const r = await runInPty(box, ['config', 'init'], { runtime, steps: [{ waitFor: 'sign-in URL', send: '', signal: 'SIGTERM' }] });
    expect(r.missed, r.screen).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(143);
    expect(r.screen).toMatch(/^duo-sso-setup: stopped by SIGTERM; nothing was changed\.$/m);
    expect(await files(box.home)).toEqual({});
  }, 90_000);
});
