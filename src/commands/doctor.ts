import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandRunner } from './types.js';

export function registerDoctor(program: Command, run: CommandRunner): void {
  program
    .command('doctor')
    .description('check everything duo-sso needs on this machine, explain each problem, and optionally fix it')
    .option('--fix', 'apply the automatic fixes (asks first; --yes to skip questions)')
    .option('--only <ids>', 'run only these checks (comma-separated ids)', parseIds)
    .option('--list-checks', 'list the check ids and exit')
    .option('--timeout <seconds>', 'timeout in seconds for every check (default: 10, longer for the few checks that need it)', parseSeconds)
    .addOption(new Option('--format <format>', 'human (default) or jamf: one <result> line for a Jamf extension attribute').choices(['human', 'jamf']))
    .option('--user <name>', 'as root: run the checks (and fixes) as this user, with their HOME; "console" = the user at the Mac\'s screen')
    .option('--report [file]', 'write a redacted support bundle (.tar.gz) with the doctor\'s findings, versions and configs')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup doctor                 # one line per check, with the command that fixes each problem
  $ duo-sso-setup doctor --json          # one JSON document for scripts and support tickets
  $ duo-sso-setup doctor --fix --yes     # repair what can be repaired, without questions
  $ duo-sso-setup doctor --only aws-cli,duo-sso
  $ duo-sso-setup doctor --report        # a support bundle to attach to a ticket (secrets removed)
  $ sudo duo-sso-setup doctor --user console --format jamf   # a Jamf extension attribute

Exit codes: 0 no check failed (warnings allowed), 1 a check failed, 2 usage error.`)
    .action(run(async (ctx, opts: { fix?: boolean; only?: string[]; listChecks?: boolean; timeout?: number; format?: 'human' | 'jamf'; user?: string; report?: string | true }) => {
      // `-` means standard output to every CLI, but the bundle is a binary .tar.gz and our stdout is
      // text (made terminal-safe): refused as a usage error before any check runs, never a file named "-".
      if (opts.report === '-') {
        const { ExitCode, UserError } = await import('../errors.js');
        throw new UserError('--report cannot write the support bundle to standard output (-): it is a binary .tar.gz', {
          hint: 'Name a file, or leave FILE out for ./duo-sso-setup-report-<date>.tar.gz: duo-sso-setup doctor --report FILE',
          exitCode: ExitCode.usage,
        });
      }
      if (opts.user !== undefined) {
        const { runDoctorAsUser } = await import('../doctor/as-user.js');
        return runDoctorAsUser(ctx, opts.user, process.argv.slice(2));
      }
      const { runDoctor } = await import('../doctor/doctor.js');
      return runDoctor(ctx, {
        fix: Boolean(opts.fix), only: opts.only, listChecks: Boolean(opts.listChecks), format: opts.format ?? 'human',
        ...(opts.report !== undefined ? { report: opts.report === true ? '' : opts.report } : {}),
        ...(opts.timeout !== undefined ? { timeoutMs: opts.timeout * 1000 } : {}),
      });
    }));
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 600) {
    throw new InvalidArgumentError(`--timeout must be a number of seconds above 0 and at most 600, got "${value}"`);
  }
  return n;
}

/** An empty list would mean "every check", the opposite of what --only asks for. */
function parseIds(value: string): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError('--only needs at least one check id (see duo-sso-setup doctor --list-checks)');
  return ids;
}
