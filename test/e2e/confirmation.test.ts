// One confirmation rule (issue 20 Build 3; the table in docs/confirmation.md): every command that
// changes anything, run without a terminal and without --yes, changes nothing (every file under
// HOME hashed before and after), prints its plan, and exits 1.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { REPO, type Sandbox, createGpgKey, sandboxPerTest } from '../support/sandbox.js';
import { duoSsoScript, sha256, startReleaseServer } from '../support/upgrade-release-server.js';
import { releaseAssetName } from '../../src/release/release-source.js';

const sandbox = sandboxPerTest();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

const CONFIG = '.config/duo-sso/config.json';
/** Fixable (no partner_spid, aws_urn or session duration) and with two profiles. */
const FIXABLE = '{\n  "url": "https://cloudsso.cisco.com",\n  "profiles": {\n    "dev": { "aws_account_id": "111111111111", "aws_role_name": "admin" },\n    "scratch": { "aws_account_id": "222222222222", "aws_role_name": "admin" }\n  }\n}\n';
const CREDENTIALS = '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\naws_session_token = FwoGZXIvYXdzEXAMPLETOKEN\n';

/** One hash over every file under HOME (path, mode and content); gpg's own state aside. */
async function homeHash(home: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        hash.update(`d ${relative(home, p)}\n`);
        if (e.name !== '.gnupg') await walk(p);
      } else hash.update(`f ${relative(home, p)} ${(await readFile(p)).toString('base64')}\n`);
    }
  };
  await walk(home);
  return hash.digest('hex');
}

async function passStore(box: Sandbox): Promise<void> {
  await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
  await box.write('.aws/credentials', CREDENTIALS, 0o600);
  await box.write('.aws/config', '[profile dev]\nregion = us-east-1\n', 0o644);
}

interface Row {
  /** The command as the docs' table names it. */
  command: string;
  args: string[];
  prepare?: (box: Sandbox) => Promise<void>;
  tools?: string[];
  /** The plan, as printed. */
  plan: RegExp;
  /** With --json, what the one document on stdout says (default: the refusal, `{"error": …}`). */
  jsonSays?: RegExp;
}

/** Every command that changes anything: the rows of docs/confirmation.md's table. */
const ROWS: Row[] = [
  { command: 'setup', args: ['setup', '--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'], plan: /setup would install [^\n]*write config\.json, log in/ },
  { command: 'install', args: ['install', 'pass-gpg', '--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'], plan: /Install pass gnupg with apt/ },
  { command: 'install --add-to-path', args: ['install', '--add-to-path'], prepare: async (box) => void (box.env.SHELL = '/bin/bash'), plan: /Put \S*\.local\/bin on PATH/ },
  { command: 'config init', args: ['config', 'init'], plan: /would write \S*config\.json:\n\{/ },
  { command: 'config init --force', args: ['config', 'init', '--force'], prepare: async (box) => void (await box.write(CONFIG, FIXABLE)), plan: /would write \S*config\.json \(backing up the current file to / },
  { command: 'config fix', args: ['config', 'fix'], prepare: async (box) => void (await box.write(CONFIG, FIXABLE)), plan: /would fix 3 problems/ },
  { command: 'config add-profile', args: ['config', 'add-profile', 'new', '--account', '333333333333', '--role', 'admin'], prepare: async (box) => void (await box.write(CONFIG, FIXABLE)), plan: /would add profile "new"/ },
  { command: 'config remove-profile', args: ['config', 'remove-profile', 'scratch'], prepare: async (box) => void (await box.write(CONFIG, FIXABLE)), plan: /would remove profile "scratch"/ },
  {
    command: 'config import', args: ['config', 'import', '../listing.txt'],
    prepare: async (box) => {
      await box.write(CONFIG, FIXABLE);
      await box.write('../listing.txt', 'Account: eticloud (626007623524)\n  [1] admin\n');
    },
    plan: /would add 1 profile to \S*:\n {2}eticloud/,
  },
  { command: 'credentials migrate', args: ['credentials', 'migrate'], tools: ['gpg', 'pass'], prepare: passStore, plan: /Move the keys of dev from \S*credentials into the pass/ },
  {
    command: 'credentials restore', args: ['credentials', 'restore'], tools: ['gpg', 'pass'],
    prepare: async (box) => {
      await passStore(box);
      const migrated = await box.run(['credentials', 'migrate', '--yes']);
      expect(migrated.exitCode, migrated.stderr).toBe(0);
    },
    plan: /Put the keys of dev back into \S*credentials/,
  },
  { command: 'doctor --fix', args: ['doctor', '--fix', '--only', 'session-duration,profiles'], prepare: async (box) => void (await box.write(CONFIG, FIXABLE)), plan: /^would fix session-duration: /m },
  {
    command: 'upgrade', args: ['upgrade', 'duo-sso', '--sha256', sha256(duoSsoScript('3.5.0'))],
    prepare: async (box) => {
      const server = await startReleaseServer({ version: '3.5.0', assets: { [releaseAssetName('linux', process.arch)]: { content: duoSsoScript('3.5.0') } }, checksums: false });
      stops.push(() => server.close());
      box.env.DUO_SSO_RELEASE_URL = server.folder;
      await box.write('.local/bin/duo-sso', duoSsoScript('3.4.0'), 0o755);
      box.env.PATH = `${join(box.home, '.local/bin')}:${box.env.PATH}`;
    },
    plan: /3\.4\.0[^\n]*3\.5\.0/,
    // Its report, each component "planned" (not carried out), is the document.
    jsonSays: /"status":"planned"/,
  },
];

describe('every changing command without a terminal and without --yes', () => {
  for (const row of ROWS) {
    it(`${row.command}: changes nothing, prints the plan, exits 1`, async () => {
      const box = await sandbox({ tools: row.tools ?? [] });
      await row.prepare?.(box);
      const before = await homeHash(box.home);
      const r = await box.run(row.args, { timeoutMs: 60_000 });
      const said = `${r.stdout}\n${r.stderr}`;
      expect(r.exitCode, said).toBe(1);
      expect(said).toMatch(row.plan);
      expect(said).toMatch(/nothing was changed|Not upgraded: no terminal to ask on/);
      expect(await homeHash(box.home)).toBe(before);
    }, 120_000);
  }

  // Found by the new-user review: `doctor --fix --json` printed its report and then the refusal,
  // two documents on stdout, which no JSON reader takes.
  for (const row of ROWS) {
    it(`${row.command} --json: stdout is one JSON document, the refusal; nothing changes`, async () => {
      const box = await sandbox({ tools: row.tools ?? [] });
      await row.prepare?.(box);
      const before = await homeHash(box.home);
      const r = await box.run(['--json', ...row.args], { timeoutMs: 60_000 });
      expect(r.exitCode, r.stderr).toBe(1);
      expect(() => JSON.parse(r.stdout), r.stdout).not.toThrow();
      expect(JSON.stringify(JSON.parse(r.stdout))).toMatch(row.jsonSays ?? /"error":\{"message":"nothing was changed/);
      expect(await homeHash(box.home)).toBe(before);
    }, 120_000);
  }

  // Found by the new-user review: `config fix` in a script on a healthy file failed with "this
  // would change the machine" when it would change nothing.
  it('config fix on a file with nothing to fix: no refusal, exit 0, with and without --json', async () => {
    const box = await sandbox();
    const init = await box.run(['config', 'init', '--yes', '--profile', 'dev=111111111111:admin']);
    expect(init.exitCode, init.stderr).toBe(0);
    const before = await homeHash(box.home);
    const r = await box.run(['config', 'fix']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/config\.json: nothing to fix automatically\n$/);
    expect(r.stderr).toBe('');
    const json = await box.run(['config', 'fix', '--json']);
    expect(json.exitCode, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ changed: false, applied: [], remaining: [] });
    expect(await homeHash(box.home)).toBe(before);
  });

  it('the docs\' table lists exactly these commands', async () => {
    const doc = await readFile(join(REPO, 'docs', 'confirmation.md'), 'utf8');
    const listed = [...doc.matchAll(/^\| `duo-sso-setup ([^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(ROWS.map((r) => r.command));
  });
});
