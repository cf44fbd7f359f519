import { InvalidArgumentError, type Command } from 'commander';
import type { CommandRunner } from './types.js';

interface Flags {
  check?: boolean;
  tapUrl?: string;
  from?: string;
  sha256?: string;
  allowUnverified?: boolean;
  releaseKey?: string;
}

export function registerUpgrade(program: Command, run: CommandRunner): void {
  program
    .command('upgrade')
    .argument('[component]', 'duo-sso, aws-cli, self or all', 'all')
    .description('upgrade duo-sso, the AWS CLI and this tool the way each was installed; repairs a broken Homebrew tap by itself')
    .option('--check', 'only report what is outdated; change nothing')
    .option('--tap-url <url>', 'where to re-tap ats-operations/homebrew-tap from (default: saved state, the tap\'s remote, or the guide\'s URL)')
    .option('--from <path|url>', 'duo-sso binary to upgrade to (Linux/Windows), instead of the newest release')
    .option('--sha256 <hex>', 'expected SHA-256 of the new duo-sso binary (release or --from)', parseSha256)
    .option('--allow-unverified', 'duo-sso: upgrade to a binary that no --sha256 or signed checksums.txt verifies (shown in the plan)')
    .option('--release-key <key>', 'duo-sso: also trust checksums.txt signed by this minisign public key (the "RW…" line), for this run')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup upgrade --check               # what is outdated
  $ duo-sso-setup upgrade duo-sso --dry-run     # the plan, including the Homebrew repair ladder
  $ duo-sso-setup upgrade duo-sso --yes         # upgrade; repair the tap if the upgrade fails
  $ duo-sso-setup upgrade duo-sso --from ./duo-sso_linux_amd64 --sha256 HEX

Exit codes: 0 upgraded or already current, 1 an upgrade failed (or was not confirmed), 2 usage error.`)
    .action(run(async (ctx, opts: Flags, target?: string) => {
      const { runUpgrade } = await import('../upgrade/upgrade.js');
      return runUpgrade(ctx, { target, check: Boolean(opts.check), tapUrl: opts.tapUrl, from: opts.from, sha256: opts.sha256, allowUnverified: Boolean(opts.allowUnverified), releaseKey: opts.releaseKey });
    }));
}

function parseSha256(value: string): string {
  const hex = value.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new InvalidArgumentError(`--sha256 must be 64 hexadecimal characters, got "${value}"`);
  return hex;
}
