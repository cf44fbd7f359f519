import type { Command } from 'commander';
import type { CommandRunner } from './types.js';
import type { InstallFlags } from '../install/gather.js';

// Type-only: erased at build time, so the install code still loads lazily.
export interface InstallCommandFlags extends InstallFlags {
  addToPath?: boolean;
}

/** Flags shared with `setup`, which passes them on to the installs it runs. */
export function addInstallFlags(command: Command): Command {
  return command
    .option('--method <method>', 'how to install: aws-cli zip|package|brew|pkg|winget|msi, duo-sso brew|release')
    .option('--system', 'install for all users (/usr/local, needs sudo) instead of under your home folder')
    .option('--update', 'aws-cli zip: update an existing installation (automatic when one is found)')
    .option('--from <path|url>', 'duo-sso: install this file or URL (a release binary you already downloaded)')
    .option('--sha256 <hex>', 'duo-sso: expected SHA-256 of the binary; refuse to install anything else')
    .option('--allow-unverified', 'duo-sso: install a release binary that no --sha256 or signed checksums.txt verifies (shown in the plan)')
    .option('--release-key <key>', 'duo-sso: also trust checksums.txt signed by this minisign public key (the "RW…" line), for this run')
    .option('--release-url <url>', 'duo-sso: release download folder (env DUO_SSO_RELEASE_URL)')
    .option('--tap-url <url>', 'duo-sso with Homebrew: where to tap ats-operations/homebrew-tap from (default: the URL an earlier upgrade saved, else the guide\'s)')
    .option('--gpg-name <name>', 'pass-gpg: name on a new gpg key (default: git config user.name)')
    .option('--gpg-email <email>', 'pass-gpg: email on a new gpg key (default: git config user.email)')
    .option('--no-passphrase', 'pass-gpg: create the gpg key without a passphrase (unattended machines)')
    .option('--remove-aws-cli-v1', 'aws-cli: also remove a pip-installed AWS CLI v1 (never done without it, or a yes when asked)');
}

export function registerInstall(program: Command, run: CommandRunner): void {
  addInstallFlags(program
    .command('install')
    .argument('[component]', 'aws-cli, duo-sso, pass-gpg or all', 'all')
    .description('install the AWS CLI, duo-sso, or pass and gpg (preview with --dry-run)'))
    .option('--add-to-path', `only put ~/.local/bin on PATH in your shell profile`)
    .addHelpText('after', `
Examples:
  $ duo-sso-setup install all --dry-run              # what would be installed, and the exact commands
  $ duo-sso-setup install duo-sso --from ~/Downloads/duo-sso_linux_amd64 --sha256 <hex>
  $ duo-sso-setup install aws-cli                    # Linux: signed official zip into ~/.local (no sudo)
  $ duo-sso-setup install aws-cli --method package   # the distro's package instead
  $ duo-sso-setup install pass-gpg --yes --no-passphrase --gpg-name "Ann Example" --gpg-email ann@example.com

Without a terminal, nothing is changed unless --yes is given.
Environment: DUO_SSO_RELEASE_URL, AWS_CLI_DOWNLOAD_URL, AWS_CLI_PUBLIC_KEY_FILE with AWS_CLI_SIGNING_FINGERPRINT (mirrors).
Exit codes: 0 installed (or nothing to do), 1 a step failed or was refused (nothing after it ran), 2 usage error.`)
    .action(run(async (ctx, opts: InstallCommandFlags, component?: string) => {
      if (opts.addToPath) {
        const { runAddToPath } = await import('../install/add-to-path.js');
        return runAddToPath(ctx);
      }
      const { runInstall } = await import('../install/install.js');
      return runInstall(ctx, component, opts);
    }));
}
