import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandRunner } from './types.js';

export function registerLogin(program: Command, run: CommandRunner): void {
  program
    .command('login')
    .description('log in through duo-sso, repair known failures (session too long, credentials under [default], first-run certificate), and prove each profile works')
    .option('-p, --profile <name>', 'log in only this profile (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--session-duration <seconds>', 'pass -session-duration to duo-sso (profiles\' own values still win)', parseDuration)
    .option('--interactive', 'show the browser (first login on a machine: pick the client certificate)')
    .option('--no-verify', 'skip the STS GetCallerIdentity check of each profile')
    .addOption(new Option('--store <store>', 'then move the keys into the OS keychain or pass (credential_process), as credentials migrate does; remembered for later logins').choices(['keychain', 'pass']))
    .addOption(new Option('--no-store', 'forget a remembered --store: new profiles keep their keys in ~/.aws/credentials'))
    .addHelpText('after', `
Examples:
  $ duo-sso-setup login                       # every profile in ~/.config/duo-sso/config.json
  $ duo-sso-setup login --profile eticloud    # just one
  $ duo-sso-setup login --yes --json          # unattended: repairs without asking, one JSON document
  $ duo-sso-setup login --interactive         # first login on this machine
  $ duo-sso-setup login --store pass          # keep the keys in pass, not in ~/.aws/credentials

Runs duo-sso at most 3 times. Exit codes: 0 every profile logged in (and verified), 1 otherwise, 2 usage error.`)
    .action(run(async (ctx, opts: { profile: string[]; sessionDuration?: number; interactive?: boolean; verify: boolean; store?: 'keychain' | 'pass' | false }) => {
      const { runLogin } = await import('../login/login.js');
      await (await import('../login/own-config.js')).requireDuoSsoOwnConfig(ctx);
      return runLogin(ctx, { profiles: opts.profile, sessionDuration: opts.sessionDuration, interactive: Boolean(opts.interactive), verify: opts.verify !== false, ...(opts.store !== undefined ? { store: opts.store } : {}) });
    }));
}

function parseDuration(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 900 || n > 43_200) throw new InvalidArgumentError(`--session-duration must be whole seconds between 900 and 43200, got "${value}"`);
  return n;
}
