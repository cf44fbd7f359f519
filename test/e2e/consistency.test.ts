// One rule for every command, from a reviewer's walk through the tool as a new engineer:
// the same bad input gets the same exit code and the same kind of answer wherever it is given.
import { describe, expect, it } from 'vitest';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { sandboxPerTest } from '../support/sandbox.js';

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
