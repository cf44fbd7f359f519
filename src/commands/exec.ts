import { Option, type Command } from 'commander';
import type { CommandRunner } from './types.js';

export function registerExec(program: Command, run: CommandRunner): void {
  program
    .command('exec')
    .description('run a command with a profile\'s credentials in its environment (AWS_ACCESS_KEY_ID, ..., AWS_PROFILE unset)')
    .usage('[--profile NAME] -- COMMAND [ARGS...]')
    .option('-p, --profile <name>', 'the AWS profile (default: AWS_PROFILE, else default)')
    .argument('<command...>', 'the command and its arguments (after --)')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup exec --profile eticloud -- aws sts get-caller-identity
  $ duo-sso-setup exec --profile eticloud -- terraform plan
  $ duo-sso-setup exec -p eticloud -- bash     # a shell with the profile's keys

Sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION
(and AWS_REGION from the profile); unsets AWS_PROFILE. Keys in the secret store are renewed
first when renewal is on for the profile. Signals are passed on to the command.
Exit codes: the command's own; 1 no usable credentials (run duo-sso-setup login); 2 usage error.`)
    .action(run(async (ctx, opts: { profile?: string }, ...command: string[]) => {
      const { runExec } = await import('../exec/exec.js');
      // commander hands a variadic argument over as one array.
      return runExec(ctx, opts, command.flat());
    }));
}

export function registerEnv(program: Command, run: CommandRunner): void {
  program
    .command('env')
    .description('print a profile\'s credentials as environment variables, for eval')
    .option('-p, --profile <name>', 'the AWS profile (default: AWS_PROFILE, else default)')
    .addOption(new Option('--format <format>', 'the shell to print for (default: json with --json, fish when $SHELL is fish, powershell on Windows, else sh)').choices(['sh', 'fish', 'powershell', 'json']))
    .addHelpText('after', `
Examples:
  $ eval "$(duo-sso-setup env --profile eticloud)"                 # bash, zsh, sh
  $ duo-sso-setup env --profile eticloud --format fish | source    # fish
  PS> duo-sso-setup env --profile eticloud --format powershell | Invoke-Expression
  $ duo-sso-setup env --profile eticloud --format json             # {"AWS_ACCESS_KEY_ID": ..., "AWS_PROFILE": null}

The output holds secrets: evaluate it, do not save it. In json, null means "unset".
Exit codes: 0 printed; 1 no usable credentials (run duo-sso-setup login); 2 usage error.`)
    .action(run(async (ctx, opts: { profile?: string; format?: 'sh' | 'fish' | 'powershell' | 'json' }) => {
      const { runEnv } = await import('../exec/exec.js');
      const { basename } = await import('node:path');
      const format = opts.format ?? (ctx.options.json ? 'json' : process.platform === 'win32' ? 'powershell' : basename(ctx.env.SHELL ?? '') === 'fish' ? 'fish' : 'sh');
      return runEnv(ctx, { ...(opts.profile ? { profile: opts.profile } : {}), format });
    }));
}
