import type { Command } from 'commander';
import type { CommandRunner } from './types.js';

export function registerConsole(program: Command, run: CommandRunner): void {
  program
    .command('console')
    .description('open the AWS web console signed in as a profile (federation sign-in), or the organisation\'s console link (--sso)')
    .option('-p, --profile <name>', 'the AWS profile (default: AWS_PROFILE, else default)')
    .option('--print', 'print the sign-in URL instead of opening a browser')
    .option('--destination <url>', 'the console page to land on (default: the console home in the profile\'s region)')
    .option('--sso', 'open the organisation\'s AWS console link (https://go2.cisco.com/aws; consoleSsoUrl in state.json overrides it)')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup console --profile eticloud
  $ duo-sso-setup console -p eticloud --destination https://console.aws.amazon.com/eks/home
  $ duo-sso-setup console -p eticloud --print     # the URL, to open elsewhere (valid 15 minutes)
  $ duo-sso-setup console --sso                   # the Duo SSO console link, any account

The URL signs whoever opens it in as the profile for 15 minutes: do not share it.
Exit codes: 0 opened or printed, 1 no session credentials (run duo-sso-setup login) or the sign-in failed, 2 usage error.`)
    .action(run(async (ctx, opts: { profile?: string; print?: boolean; destination?: string; sso?: boolean }) => {
      const { runConsole } = await import('../console/console.js');
      return runConsole(ctx, { ...(opts.profile ? { profile: opts.profile } : {}), ...(opts.destination ? { destination: opts.destination } : {}), print: Boolean(opts.print), sso: Boolean(opts.sso) });
    }));
}
