import type { Command } from 'commander';
import type { CommandRunner } from './types.js';

// `duo-sso-setup credential-process ...` as the first argument never reaches commander:
// src/cli.ts sends it straight to the light module. This registration is for --help and for
// the rare call with global flags in front (`duo-sso-setup -v credential-process ...`).
export function registerCredentialProcess(program: Command, run: CommandRunner): void {
  program
    .command('credential-process')
    .description('print a profile\'s credentials for the AWS CLI (what credential_process in ~/.aws/config runs)')
    .requiredOption('--profile <name>', 'the AWS profile')
    .option('--store <store>', 'keychain or pass (default: the store the profile was migrated to)')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup credential-process --profile eticloud    # by hand, to see what the AWS CLI gets

The AWS CLI runs it through the line \`credentials migrate\` writes into the profile's section of ~/.aws/config: \`credential_process = /home/you/.local/bin/duo-sso-setup-launcher credential-process --profile eticloud\` (the launcher runs this tool, however it was installed).
Prints {"Version":1,"AccessKeyId",...,"Expiration"} on stdout and nothing else.
With renewal on for the profile (docs/renewal.md), keys with less than 15 minutes left are renewed first: one duo-sso login, its output on the terminal, never on stdout.
Exit codes: 0 printed, 1 missing or expired (one line on stderr: run duo-sso-setup login --profile NAME), 2 usage error.`)
    .action(run(async (ctx, opts: { profile: string; store?: string }) => {
      const { credentialProcess } = await import('../credentials/credential-process.js');
      return credentialProcess(['--profile', opts.profile, ...(opts.store ? ['--store', opts.store] : [])], ctx.env, ctx.io);
    }));
}
