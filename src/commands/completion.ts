import { Argument, Option, type Command } from 'commander';
import type { CommandRunner } from './types.js';

export function registerCompletion(program: Command, run: CommandRunner): void {
  program
    .command('completion')
    .description('print the shell completion script for bash, zsh, fish or PowerShell')
    .addArgument(new Argument('[shell]', 'the shell').choices(['bash', 'zsh', 'fish', 'powershell']))
    // The build writes dist/completion-spec.json with it (scripts/build.mjs).
    .addOption(new Option('--spec', 'print what completion knows, as JSON (built from this program\'s commands)').hideHelp())
    .addHelpText('after', `
Examples:
  $ source <(duo-sso-setup completion bash)                # in ~/.bashrc
  $ source <(duo-sso-setup completion zsh)                 # in ~/.zshrc, after compinit
  $ duo-sso-setup completion fish | source                 # in ~/.config/fish/config.fish
  PS> duo-sso-setup completion powershell | Out-String | Invoke-Expression   # in $PROFILE

Completes commands, flags, check ids (doctor --only), components and the profiles of config.json.
Exit codes: 0 printed, 2 usage error.`)
    .action(run(async (ctx, opts: { spec?: boolean }, shell?: string) => {
      if (opts.spec) {
        const { commandSpec } = await import('../completion/spec.js');
        const { checks } = await import('../doctor/checks/index.js');
        const { COMPONENTS: install } = await import('../install/types.js');
        const { COMPONENTS: upgrade } = await import('../upgrade/report.js');
        const spec = commandSpec(program, { checkIds: checks.map((c) => c.id), components: { install: [...install, 'all'], upgrade: [...upgrade, 'all'] } });
        // Read by the completion scripts, not by a person: never wrapped (nor is the script below).
        ctx.io.out(`${JSON.stringify(spec)}\n`);
        return 0;
      }
      const { completionScript } = await import('../completion/scripts.js');
      const { basename } = await import('node:path');
      const chosen = shell ?? (process.platform === 'win32' ? 'powershell' : basename(ctx.env.SHELL ?? 'bash'));
      if (!['bash', 'zsh', 'fish', 'powershell'].includes(chosen)) {
        const { UserError } = await import('../errors.js');
        throw new UserError(`no completion for the shell '${chosen}'`, { hint: 'Name one: duo-sso-setup completion bash|zsh|fish|powershell', exitCode: 2 });
      }
      ctx.io.out(completionScript(chosen as 'bash'));
      return 0;
    }));
}
