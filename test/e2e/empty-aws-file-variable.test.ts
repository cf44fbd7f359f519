// AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE set but empty: the real AWS CLI then reads no
// such file at all (botocore opens '' and finds nothing; it does not fall back to ~/.aws). Every
// command that reads or writes ~/.aws refuses in one line, naming the variable and the fix,
// and changes nothing; commands that never read ~/.aws still work.
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { sandboxPerTest } from '../support/sandbox.js';

const sandbox = sandboxPerTest();
const AWS = '/usr/bin/aws';
const CONFIG = '[default]\nregion = eu-west-1\n\n[profile dev]\nregion = eu-west-1\n';
const CREDENTIALS = '[dev]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

async function boxWithFiles() {
  const box = await sandbox({ tools: ['gpg', 'pass'] });
  await box.write('.aws/config', CONFIG);
  await box.write('.aws/credentials', CREDENTIALS);
  return box;
}

describe('an empty AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE', () => {
  it.skipIf(!existsSync(AWS))('is no file at all to the real AWS CLI (the oracle for this rule)', async () => {
    const box = await boxWithFiles();
    const seen = await box.exec(AWS, ['configure', 'get', 'region']);
    expect(seen.stdout.trim()).toBe('eu-west-1');
    const empty = await box.exec(AWS, ['configure', 'get', 'region'], { env: { AWS_CONFIG_FILE: '' } });
    expect(empty.exitCode).toBe(1);
    expect(empty.stdout.trim()).toBe('');
  });

  const refusing: string[][] = [
    ['config', 'add-profile', 'x', '--account', '111111111111', '--role', 'admin', '--yes'],
    ['credentials', 'migrate', '--yes'],
    ['credentials', 'restore', '--yes'],
    ['login', '--yes', '--dry-run'],
    ['status'],
    ['doctor'],
  ];
  it.each([
    ['AWS_CONFIG_FILE', { AWS_CONFIG_FILE: '' }, 'AWS_CONFIG_FILE set to an empty value: the AWS CLI then reads no config file at all'],
    ['AWS_SHARED_CREDENTIALS_FILE', { AWS_SHARED_CREDENTIALS_FILE: '' }, 'AWS_SHARED_CREDENTIALS_FILE set to an empty value: the AWS CLI then reads no credentials file at all'],
    ['both', { AWS_CONFIG_FILE: '', AWS_SHARED_CREDENTIALS_FILE: '' }, 'AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE set to an empty value: the AWS CLI then reads no config or credentials file at all'],
  ])('%s: every command that reads ~/.aws refuses, naming it, and changes nothing', async (_name, env, words) => {
    const box = await boxWithFiles();
    const before = await readdir(box.path('.aws'));
    for (const args of refusing) {
      const r = await box.run(args, { env });
      expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(`duo-sso-setup: error: ${words} (not the one in ~/.aws); nothing was changed`);
      expect(r.stderr, args.join(' ')).toMatch(/Unset it \(unset AWS_[A-Z_]+( AWS_[A-Z_]+)?\) or point it at a file/);
    }
    expect(await readdir(box.path('.aws'))).toEqual(before);
    expect(await readFile(box.path('.aws/config'), 'utf8')).toBe(CONFIG);
    expect(await readFile(box.path('.aws/credentials'), 'utf8')).toBe(CREDENTIALS);
    expect(existsSync(box.path('.config/duo-sso/config.json'))).toBe(false);
  });

  it('commands that never read ~/.aws still answer (troubleshoot), and an unset variable is the default file', async () => {
    const box = await boxWithFiles();
    const t = await box.run(['troubleshoot', 'gpg: decryption failed: No secret key'], { env: { AWS_CONFIG_FILE: '' } });
    expect(t.exitCode, t.stderr).toBe(0);
    // and troubleshoot knows the refusal itself (its hint is the answer)
    const k = await box.run(['troubleshoot', 'duo-sso-setup: error: AWS_SHARED_CREDENTIALS_FILE set to an empty value: the AWS CLI then reads no credentials file at all (not the one in ~/.aws); nothing was changed']);
    expect(k.exitCode, k.stderr).toBe(0);
    expect(k.stdout + k.stderr).toContain('point it at a file');
    const s = await box.run(['status', '--json'], { env: { AWS_CONFIG_FILE: undefined } });
    expect(s.stderr).not.toContain('set to an empty value');
  });
});
