// The command-line program: parses arguments, builds the Context, runs one command, and
// is the only place that decides the exit code. Command work is loaded lazily by each
// command. Loaded by cli.ts, which answers the cheapest questions without it.
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createContext, type GlobalOptions } from './context.js';
import { ExitCode, UserError, errorMessage, exitAfterFlush } from './errors.js';
import { TOOL_NAME, TOOL_VERSION } from './platform/self.js';
import { exitCodeFor, finalSummary, installInterruptHandlers, interrupted } from './platform/interrupt.js';
import { registerCommands } from './commands/index.js';
import { commandNeedsHome, commandReadsAwsFiles, emptyAwsFileVariable, homeUnset, homeUnsetError } from './platform/home-rule.js';
import { gateApplies, placesOf, rootInOthersPlaces } from './platform/root-home.js';
import type { CommandRunner } from './commands/types.js';
import { flagAsValue } from './commands/option-values.js';
import { redactUserInput } from './knowledge/redact.js';
import { visible } from './ui/visible.js';
import { aimAtConfig } from './ui/aim-config.js';
import { HELP_UNWRAPPED, helpWidth, terminalWidth, wrapText } from './ui/wrap.js';

function globalOptions(command: Command): GlobalOptions {
  const g = command.optsWithGlobals() as Record<string, unknown>;
  return {
    json: Boolean(g.json),
    yes: Boolean(g.yes),
    dryRun: Boolean(g.dryRun),
    verbose: Boolean(g.verbose),
    color: g.color !== false,
    ...(typeof g.config === 'string' ? { config: g.config } : {}),
  };
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const run: CommandRunner = (work) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const options = args.at(-2);
    const positionals = args.slice(0, -2) as string[];
    const global = globalOptions(command);
    // One switch for everything that colours: our output, prompts, and the tools we run.
    if (!global.color && !process.env.NO_COLOR) process.env.NO_COLOR = '1';
    const ctx = createContext(global, userEnvironment());
    const path: string[] = [];
    for (let c: Command | null = command; c?.parent; c = c.parent) path.unshift(c.name());
    if (homeUnset(ctx.env) && commandNeedsHome(path, options)) throw homeUnsetError(ctx.paths.home);
    const emptyVariable = commandReadsAwsFiles(path) ? emptyAwsFileVariable(ctx.env) : undefined;
    if (emptyVariable) throw emptyVariable;
    // As root with another user's HOME: refused before anything is created or run there.
    if (gateApplies(path, options)) {
      const refusal = rootInOthersPlaces(ctx.paths.home, placesOf(ctx.paths, ctx.env));
      if (refusal) throw refusal;
    }
    setExitCode(await work(ctx, options as never, ...positionals));
  };

  const program = new Command(TOOL_NAME)
    .description('Set up, check and repair AWS access through duo-sso (Duo SSO + STS).')
    .version(TOOL_VERSION, '-V, --version', 'print the version and exit')
    .addOption(new Option('--json', 'print one JSON document on stdout (progress goes to stderr)'))
    .addOption(new Option('-y, --yes', 'never prompt: accept the default for every question'))
    .addOption(new Option('-n, --dry-run', 'show what would change on this machine, change nothing'))
    .addOption(new Option('-v, --verbose', 'more detail, including timings'))
    .addOption(new Option('--no-color', 'no colour (also: NO_COLOR=1)'))
    .addOption(new Option('--config <path>', 'duo-sso config file').default(undefined, '~/.config/duo-sso/config.json').argParser(parsePath))
    .showSuggestionAfterError(true)
    // Usage errors read like every other error: "duo-sso-setup: error: ...".
    // They quote the user's arguments: through the one redactor, and shown inert.
    .configureOutput({
      outputError: (text) => void process.stderr.write(wrapText(visible(`${TOOL_NAME}: ${redactUserInput(text)}`), terminalWidth(process.env, process.stderr))),
      // commander lays the help out on one line per item; ui/wrap.ts wraps it, and the text
      // addHelpText adds, to the terminal's width (80 off a terminal), as cli.ts does for --help.
      getOutHelpWidth: () => HELP_UNWRAPPED,
      getErrHelpWidth: () => HELP_UNWRAPPED,
      writeOut: (text) => void process.stdout.write(wrapText(text, helpWidth(process.env, process.stdout))),
      writeErr: (text) => void process.stderr.write(wrapText(text, helpWidth(process.env, process.stderr))),
    })
    .exitOverride()
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .addHelpText('after', `
Examples:
  $ ${TOOL_NAME} setup               # new laptop: install, configure, first login, verify
  $ ${TOOL_NAME} doctor              # what is wrong with this machine, and how to fix it
  $ ${TOOL_NAME} doctor --fix --yes  # repair what can be repaired
  $ ${TOOL_NAME} login               # log in through duo-sso; repairs known failures itself
  $ ${TOOL_NAME} troubleshoot "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."

Exit codes: 0 success, 1 a check or operation failed, 2 usage error, 130 interrupted.
Environment: NO_COLOR, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE, PASSWORD_STORE_DIR.`);

  registerCommands(program, run);
  // Every subcommand inherits the parse behaviour of the root.
  for (const sub of program.commands) sub.exitOverride().showSuggestionAfterError(true);
  return program;
}

/** An empty --config would silently mean the default file. */
function parsePath(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('--config needs a file path');
  return value;
}

export async function main(argv: string[]): Promise<number> {
  silenceRuntimeNoise();
  let exitCode: number = ExitCode.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  const wantsJson = argv.includes('--json');
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return ExitCode.ok;
    }
    // commander answers `help NOSUCH` with the general help and exit 0; it is a usage error.
    const unknown = unknownHelpTopic(program, argv.slice(2));
    if (unknown) {
      report(wantsJson, `unknown command '${unknown}'`, `See ${TOOL_NAME} --help for the commands.`);
      return ExitCode.usage;
    }
    const flag = flagAsValue(program, argv.slice(2));
    if (flag) {
      report(wantsJson, flag, `See ${TOOL_NAME} --help for the options.`);
      return ExitCode.usage;
    }
    // Global options and no command (`-v` alone): commander would print the help and exit 0.
    if (!argv.slice(2).some((a) => !a.startsWith('-')) && !argv.slice(2).some((a) => ['-h', '--help', '-V', '--version'].includes(a))) {
      // A mistyped option (`--versoin`) is that, with commander's "Did you mean --version?",
      // not "no command given"; commander itself would print the help for it.
      const stray = unknownGlobalOption(program, argv.slice(2));
      if (stray) (program as unknown as { unknownOption(flag: string): never }).unknownOption(stray);
      const verbose = argv.includes('-v');
      report(wantsJson, 'no command given', `${verbose ? '-v is --verbose; the version is --version (-V). ' : ''}See ${TOOL_NAME} --help for the commands.`);
      return ExitCode.usage;
    }
    // commander's `help config init` shows `config`'s help: it only reads one word.
    const parsed = helpAsFlag(program, argv);
    if (!Array.isArray(parsed)) {
      report(wantsJson, `unknown command '${parsed.unknown}'`, `See ${TOOL_NAME} --help for the commands.`);
      return ExitCode.usage;
    }
    await program.parseAsync(parsed);
    return interruptedExit() ?? exitCode;
  } catch (error) {
    // Interrupted: whatever the command made of it (an InterruptedError, or a failure of the
    // child we stopped), the run ends with the one summary line and 128 + signal.
    const stopped = interruptedExit();
    if (stopped !== undefined) return stopped;
    if (error instanceof CommanderError) {
      // A group without its subcommand (`credentials`, `config`, `saml`): commander has shown the
      // group's help on stderr as an error; it is incomplete usage, exit 2 like `-v` alone and an
      // unknown command (git answers bad usage with non-zero; only asked-for help is exit 0).
      if (error.code === 'commander.help' && error.exitCode !== 0) {
        report(wantsJson, 'no subcommand given', 'The help above lists the subcommands.');
        return ExitCode.usage;
      }
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      // commander has already printed the message to stderr; --json still gets its one document,
      // with the suggestion as the hint, not inside the message.
      if (wantsJson) {
        const [message, suggestion] = splitSuggestion(error.message.replace(/^error: /, ''));
        writeJsonError(message, suggestion);
      }
      return ExitCode.usage;
    }
    if (error instanceof UserError) {
      // With --config PATH the command the hint names must act on that file too.
      const config = (program.opts() as { config?: string }).config;
      report(wantsJson, error.message, error.opts.hint === undefined ? undefined : aimAtConfig(error.opts.hint, config === undefined ? undefined : resolve(config)));
      return error.exitCode;
    }
    // A link, pipe or device planted at one of our own files (src/fs/safe-read.ts): named, with its fix.
    const { UnsafeFileError, ownFileRefusal } = await import('./fs/safe-read.js');
    if (error instanceof UnsafeFileError) {
      report(wantsJson, ownFileRefusal(error), undefined);
      return ExitCode.failure;
    }
    // A read-only, full or missing place we write to is the machine's problem, not a bug.
    const fsError = await import('./fs/fs-errors.js').then((m) => m.fsUserError(error));
    if (fsError) {
      report(wantsJson, fsError.message, fsError.opts.hint);
      return fsError.exitCode;
    }
    report(wantsJson, `unexpected error: ${errorMessage(error)}`, 'This is a bug in duo-sso-setup. Rerun with --verbose and report it.');
    if (argv.includes('--verbose') || argv.includes('-v')) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return ExitCode.failure;
  }
}

/** When the run was interrupted: prints the one summary line and returns the exit code. */
function interruptedExit(): number | undefined {
  const signal = interrupted();
  if (!signal) return undefined;
  const line = finalSummary(TOOL_NAME);
  if (line) process.stderr.write(`${line}\n`);
  return exitCodeFor(signal);
}

/** The first of `args` (all options) that the program does not define, as typed before any `=`. */
export function unknownGlobalOption(program: Command, args: readonly string[]): string | undefined {
  const known = new Set(program.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined));
  // `-yn` is -y -n, as commander reads it.
  const flags = args.flatMap((a) => (/^-[^-]{2,}$/.test(a) ? [...a.slice(1)].map((c) => `-${c}`) : [a.split('=')[0]!]));
  return flags.find((a) => a.startsWith('-') && a !== '-' && a !== '--' && !known.has(a));
}

/** commander's "unknown command 'x'\n(Did you mean y?)": the message and the suggestion apart. */
export function splitSuggestion(text: string): [string, string | undefined] {
  const m = /^([\s\S]*?)\s*\((Did you mean [^)]*\?)\)\s*$/.exec(text);
  return m ? [m[1]!, m[2]!] : [text.trim(), undefined];
}

/**
 * `help config init` (and `config help init`) as `config init --help`: the words after `help`
 * that name a command path, followed by --help. Anything else is left to commander.
 */
export function helpAsFlag(program: Command, argv: readonly string[]): string[] | { unknown: string } {
  const args = argv.slice(2);
  const at = args.indexOf('help');
  if (at < 0 || args.slice(0, at).some((a) => a.startsWith('-'))) return [...argv];
  const path = [...args.slice(0, at), ...args.slice(at + 1)].filter((a) => !a.startsWith('-'));
  const flags = args.filter((a) => a.startsWith('-'));
  let command = program;
  for (const [i, word] of path.entries()) {
    // `help` stands where a subcommand is expected, never as an argument (a profile named help).
    if (i === at && command.commands.length === 0) return [...argv];
    const next = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!next) return i >= at ? { unknown: word } : [...argv];
    command = next;
  }
  if (path.length === at && command.commands.length === 0) return [...argv];
  return path.length === 0 ? [...argv] : [...argv.slice(0, 2), ...path, ...flags, '--help'];
}

/** The word after `help` (or `GROUP help`) when it names no command there. */
export function unknownHelpTopic(program: Command, args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const known = (parent: Command, name: string) => parent.commands.some((c) => c.name() === name || c.aliases().includes(name));
  const at = words[0] === 'help' ? { parent: program, topic: words[1] } : undefined;
  const group = at ? undefined : program.commands.find((c) => c.name() === words[0] && c.commands.length > 0);
  const where = at ?? (group && words[1] === 'help' ? { parent: group, topic: words[2] } : undefined);
  if (!where?.topic) return undefined;
  return known(where.parent, where.topic) ? undefined : where.topic;
}

/**
 * Errors quote what the user gave us (arguments, names, values): every message passes the one
 * redactor (knowledge/redact.ts), and control characters are shown inert (ui/visible.ts).
 */
function report(json: boolean, message: string, hint: string | undefined): void {
  if (json) writeJsonError(message, hint);
  process.stderr.write(wrapText(visible(`${TOOL_NAME}: error: ${redactUserInput(message)}\n${hint ? `${redactUserInput(hint)}\n` : ''}`), terminalWidth(process.env, process.stderr)));
}

function writeJsonError(message: string, hint: string | undefined): void {
  const shown = { message: redactUserInput(message), ...(hint ? { hint: redactUserInput(hint) } : {}) };
  process.stdout.write(visible(`${JSON.stringify({ error: shown }, null, 2)}\n`));
}

const SDK_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
let addedSdkSwitch = false;

/**
 * The environment the user gave us: the AWS SDK's switch we set for ourselves is not theirs, so
 * neither `exec`'s program nor any tool we run inherits it.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  if (!addedSdkSwitch) return process.env;
  const { [SDK_WARNING_SWITCH]: _ours, ...env } = process.env;
  return env;
}

/** The AWS SDK warns about Node 20 on first use; that is our concern, not the user's. */
function silenceRuntimeNoise(): void {
  if (process.env[SDK_WARNING_SWITCH] === undefined) {
    process.env[SDK_WARNING_SWITCH] = 'true';
    addedSdkSwitch = true;
  }
  const emit = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning?.message ?? '';
    if (/NodeVersionSupportWarning|AWS SDK for JavaScript/.test(text)) return;
    (emit as (...a: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}

export async function run(argv: string[]): Promise<void> {
  // Normally done by cli.ts already; the interrupt policy is in platform/interrupt.ts.
  installInterruptHandlers(TOOL_NAME);
  const code = await main(argv);
  // Exit as soon as the output is flushed: a subprocess that a timed-out check gave up on
  // must not keep the user waiting.
  exitAfterFlush(code);
}
