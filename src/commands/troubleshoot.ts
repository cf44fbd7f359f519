import type { Command } from 'commander';
import type { CommandRunner } from './types.js';

export function registerTroubleshoot(program: Command, run: CommandRunner): void {
  program
    .command('troubleshoot')
    .description('explain a duo-sso, AWS, gpg/pass or Homebrew error and give the commands that fix it')
    .argument('[text...]', 'the error message (quote it), or - to read standard input')
    .option('-f, --file <log>', 'read the error from a log file')
    .option('--list', 'list the known failures and exit')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup troubleshoot "Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
  $ duo-sso-setup troubleshoot --file ~/duo-sso.log
  $ duo-sso 2>&1 | duo-sso-setup troubleshoot -
  $ duo-sso-setup troubleshoot --json - < error.txt

The catalogue of known failures: docs/troubleshooting.md.
Exit codes: 0 a known failure was recognised, 1 none was, 2 usage error.`)
    .action(run(async (ctx, opts: { file?: string; list?: boolean }, ...text: unknown[]) => {
      const { runTroubleshoot } = await import('../knowledge/troubleshoot.js');
      return runTroubleshoot(ctx, { text: (text[0] as string[] | undefined) ?? [], ...(opts.file !== undefined ? { file: opts.file } : {}), list: Boolean(opts.list) });
    }));
}
