import type { Command } from 'commander';
import type { CommandRunner } from './types.js';

export function registerStatus(program: Command, run: CommandRunner): void {
  program
    .command('status')
    .description('show each profile\'s credentials: present, when they expire, and (with --verify) whom STS says they are')
    .option('-p, --profile <name>', 'only this profile (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--verify', 'ask STS (GetCallerIdentity) whether each profile\'s credentials work')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup status                   # from the files only, no network
  $ duo-sso-setup status --verify          # also ask STS who each profile is
  $ duo-sso-setup status --json --verify   # for scripts

Exit codes: 0 every profile has valid credentials, 1 otherwise, 2 usage error.`)
    .action(run(async (ctx, opts: { profile: string[]; verify?: boolean }) => {
      const { runStatus } = await import('../login/status-command.js');
      return runStatus(ctx, { verify: Boolean(opts.verify), profiles: opts.profile });
    }));
}
