import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandRunner } from './types.js';
import type { CredentialsFlags } from '../credentials/run.js';
import { collect } from './config-init-flags.js';

const storeOption = () => new Option('--store <store>', 'keychain (macOS Keychain, Windows Credential Manager, Linux Secret Service) or pass; default: automatic')
  .argParser((v: string) => {
    if (v !== 'keychain' && v !== 'pass') throw new InvalidArgumentError(`must be keychain or pass, got "${v}"`);
    return v;
  });

export function registerCredentials(program: Command, run: CommandRunner): void {
  const credentials = program
    .command('credentials')
    .description('move AWS keys out of ~/.aws/credentials into the OS keychain or pass, served back through credential_process')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup credentials migrate --yes                   # every profile with temporary keys
  $ duo-sso-setup credentials migrate --profile eticloud --store pass
  $ duo-sso-setup credentials restore --profile eticloud      # back to plaintext, byte-for-byte

See docs/credentials.md.`);

  credentials
    .command('migrate')
    .description('store each profile\'s keys in the secret store, remove them from the credentials file, add credential_process to ~/.aws/config')
    .option('--profile <name>', 'a profile to migrate (repeatable; default: every profile with temporary keys)', collect)
    .addOption(storeOption())
    .option('--renew', 'credential-process renews the keys (one duo-sso login) when they are about to expire (the default for profiles duo-sso logs in; asked at a terminal)')
    .option('--no-renew', 'no renewal for these profiles: expired keys mean running login yourself')
    .option('--refresh-before <minutes>', 'renew when fewer than this many minutes are left (default 15; all profiles)', parseMinutes)
    .addHelpText('after', `
Examples:
  $ duo-sso-setup credentials migrate --yes                       # every profile with temporary keys
  $ duo-sso-setup credentials migrate --profile eticloud --store keychain
  $ duo-sso-setup credentials migrate --profile eticloud --no-renew  # no renewal (on by default)
  $ duo-sso-setup credentials migrate --dry-run --json            # what would move, changing nothing

Exit codes: 0 migrated (or already migrated), 1 a profile could not be migrated (files untouched for it), 2 usage error.`)
    .exitOverride()
    .action(run(async (ctx, opts: CredentialsFlags) => {
      const { runMigrate } = await import('../credentials/run.js');
      return runMigrate(ctx, opts);
    }));

  credentials
    .command('restore')
    .description('put the keys back into the credentials file and remove credential_process (the reverse of migrate)')
    .option('--profile <name>', 'a profile to restore (repeatable; default: every migrated profile)', collect)
    .addOption(storeOption())
    .addHelpText('after', `
Examples:
  $ duo-sso-setup credentials restore --yes                       # every migrated profile
  $ duo-sso-setup credentials restore --profile eticloud

Exit codes: 0 restored (or nothing to restore), 1 failed, 2 usage error.`)
    .exitOverride()
    .action(run(async (ctx, opts: CredentialsFlags) => {
      const { runRestore } = await import('../credentials/run.js');
      return runRestore(ctx, opts);
    }));
}

function parseMinutes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 720) throw new InvalidArgumentError(`--refresh-before must be minutes between 1 and 720, got "${value}"`);
  return n;
}
