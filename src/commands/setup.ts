import type { Command } from 'commander';
import type { CommandRunner } from './types.js';
import { addInstallFlags } from './install.js';
import { addConfigInitFlags } from './config-init-flags.js';
// Type-only: erased at build time, so setup's work still loads lazily.
import type { SetupFlags } from '../install/setup/setup.js';

export function registerSetup(program: Command, run: CommandRunner): void {
  addConfigInitFlags(addInstallFlags(program
    .command('setup')
    .description('from a bare machine to a working AWS login: install what is missing, write the config, log in, verify')), 'config: ')
    .option('--no-login', 'stop after the config (log in later with duo-sso-setup login)')
    .option('--no-completion', 'do not offer to load shell completion from your shell profile')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup setup                        # guided, asks before each change
  $ duo-sso-setup setup --dry-run              # what it would do
  $ duo-sso-setup setup --yes --from ~/Downloads/duo-sso_linux_amd64 --no-passphrase \\
      --gpg-name "Ann Example" --gpg-email ann@example.com --profile eticloud=626007623524:admin

Rerunning skips what is already done. A failed or declined step skips only the steps that need it.
Exit codes: 0 working, 1 a step failed (the summary lists the commands left), 2 usage error.`)
    .action(run(async (ctx, opts: SetupFlags) => {
      const { runSetup } = await import('../install/setup/setup.js');
      return runSetup(ctx, opts);
    }));
}
