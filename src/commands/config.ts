import type { Command } from 'commander';
import type { CommandRunner } from './types.js';
import { addConfigInitFlags, collect } from './config-init-flags.js';

export function registerConfig(program: Command, run: CommandRunner): void {
  const config = program
    .command('config')
    .description('create, check and repair duo-sso\'s ~/.config/duo-sso/config.json, and manage its profiles')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup config init                    # a wizard on a terminal
  $ duo-sso-setup config init --yes --profile eticloud=626007623524:admin --profile scratch=012345678901:devops:14400
  $ duo-sso-setup config validate                # every problem, with its position and fix
  $ duo-sso-setup config fix --yes               # apply the automatic repairs (backup first)
  $ duo-sso-setup config import listing.txt      # profiles from duo-sso's account/role listing

Exit codes: 0 success (validate: no failure), 1 failure or findings that fail, 2 usage error.`);

  addConfigInitFlags(config
    .command('init')
    .description('write a new config.json in the guide\'s shape (wizard on a terminal; flags with --yes)'))
    .option('--force', 'replace an existing config.json (it is backed up first)')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup config init
  $ duo-sso-setup config init --yes
  $ duo-sso-setup config init --yes --profile eticloud=626007623524:admin --profile prod=123456789012:admin --production prod
  $ duo-sso-setup config init --yes --force --dry-run

Policy: production profiles 900-3600 s, non-production up to 14400 s (more needs SRE approval), never above 43200 s.`)
    .action(run(async (ctx, opts: import('../config/commands/init.js').InitFlags) => {
      const { runInit } = await import('../config/commands/init.js');
      const { underConfirmation } = await import('../ui/confirm-change.js');
      // At a terminal the wizard (or the "Replace it?" question) is the confirmation.
      return underConfirmation(ctx, (c) => runInit(c, opts));
    }));

  config
    .command('validate')
    .description('report syntax errors (line:column), schema errors (JSON path) and policy findings')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup config validate
  $ duo-sso-setup config validate --json
  $ duo-sso-setup --config ./other.json config validate

Exit codes: 0 valid (warnings allowed), 1 a finding of severity fail.`)
    .action(run(async (ctx) => {
      const { runValidate } = await import('../config/commands/validate.js');
      return runValidate(ctx);
    }));

  config
    .command('fix')
    .description('apply every automatic repair in place, keeping key order, formatting and unknown keys (backup first)')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup config fix --dry-run   # what would change
  $ duo-sso-setup config fix --yes

A file that is not valid JSON is never rewritten: fix it by hand, or \`config init --force\`.
Exit codes: 0 nothing left that fails, 1 failures remain (or the file does not parse), 2 usage error.`)
    .action(run(async (ctx) => {
      const { runFix } = await import('../config/commands/fix.js');
      // It keeps the confirmation rule itself: at a terminal it asks "Apply these changes?", and
      // without one it refuses only when there is something to change.
      return runFix(ctx);
    }));

  config
    .command('profiles')
    .description('list the named profiles with account, role, effective session duration and production flag')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup config profiles
  $ duo-sso-setup config profiles --json`)
    .action(run(async (ctx) => {
      const { runListProfiles } = await import('../config/commands/profiles.js');
      return runListProfiles(ctx);
    }));

  config
    .command('add-profile')
    .description('add a named profile (creates config.json from the guide\'s defaults when missing)')
    .argument('<name>', 'profile name, used as aws --profile NAME')
    .requiredOption('--account <ID>', '12-digit AWS account id')
    .requiredOption('--role <ROLE>', 'IAM role name, e.g. admin or devops')
    .option('--duration <SECONDS>', 'session duration (default: the top-level one, capped by the policy)')
    .option('--production', 'a production account: 1-hour cap')
    .option('--force', 'replace a profile of the same name')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup config add-profile eticloud --account 626007623524 --role admin
  $ duo-sso-setup config add-profile scratch --account 012345678901 --role devops --duration 14400
  $ duo-sso-setup config add-profile prod --account 123456789012 --role admin --production`)
    .action(run(async (ctx, opts: import('../config/commands/profiles.js').AddProfileFlags, name) => {
      const { runAddProfile } = await import('../config/commands/profiles.js');
      const { underConfirmation } = await import('../ui/confirm-change.js');
      return underConfirmation(ctx, (c) => runAddProfile(c, name!, opts), { text: `${opts.force ? 'Add or replace' : 'Add'} profile ${name}?`, initial: true });
    }));

  config
    .command('remove-profile')
    .description('remove a named profile')
    .argument('<name>', 'profile name')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup config remove-profile scratch --dry-run
  $ duo-sso-setup config remove-profile scratch`)
    .action(run(async (ctx, _opts: unknown, name) => {
      const { runRemoveProfile } = await import('../config/commands/profiles.js');
      const { underConfirmation } = await import('../ui/confirm-change.js');
      return underConfirmation(ctx, (c) => runRemoveProfile(c, name!), { text: `Remove profile ${name}?`, initial: true });
    }));

  config
    .command('import')
    .description('add profiles from duo-sso\'s account/role listing (the output of a login without profiles)')
    .argument('[file]', 'the saved listing, or - for standard input (the default when piped)')
    .option('--production <NAME>', 'mark an imported profile as production (repeatable)', collect)
    .addHelpText('after', `
Examples:
  $ duo-sso 2>&1 | tee listing.txt; duo-sso-setup config import listing.txt
  $ duo-sso-setup config import - --yes < listing.txt
  $ duo-sso-setup config import listing.txt --dry-run --json

On a terminal it asks which profiles to keep and which are production; with --yes it keeps all.`)
    .action(run(async (ctx, opts: import('../config/commands/import.js').ImportFlags, file) => {
      const { runImport } = await import('../config/commands/import.js');
      const { underConfirmation } = await import('../ui/confirm-change.js');
      // At a terminal the list of profiles to keep is the question. The listing is read once:
      // standard input cannot be read a second time for the plan.
      const { readImportSource } = await import('../config/commands/import.js');
      const text = await readImportSource(file, ctx.io.stdinIsTTY);
      return underConfirmation(ctx, (c) => runImport(c, file, opts, { text }));
    }));
}
