#!/usr/bin/env node
// The bin entry, kept tiny and built as CommonJS (Node loads that a few ms faster than an ES
// module): startup time is a feature, since every AWS CLI call may run us through
// credential_process. It answers `--version`, the top-level `--help` and `credential-process`
// without loading the argument parser; everything else loads main.mjs (ESM, split into lazily
// loaded chunks). A new fast path = its own bundle in scripts/build.mjs + a branch here.
// Run from source (`deno run -A src/cli.ts`) nothing is defined or bundled: the same branches
// load the TypeScript modules instead, so the output and exit codes are the same.
declare const __VERSION__: string | undefined;
declare const __ROOT_HELP__: string | undefined;

import { exitAfterFlush } from './errors.js';
import { exitCodeFor, installInterruptHandlers, interrupted, summaryLine } from './platform/interrupt.js';
import { helpWidth, wrapText } from './ui/wrap.js';

// A reader that stops early (`duo-sso-setup --help | head -1`) closes the pipe: later writes
// fail with EPIPE, which would otherwise surface as a stack trace. The output is no longer
// wanted, so drop it quietly and finish with the command's own exit code. Any other write
// failure (a full disk, `> /dev/full`) lost the output: one line on stderr and exit 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    if (stream === process.stdout) process.stderr.write(`duo-sso-setup: error: could not write the output: ${error.message}\n`);
    process.exit(1);
  });
}

const args = process.argv.slice(2);
const fromSource = typeof __VERSION__ !== 'string';
const only = args.length === 1 ? args[0] : undefined;

// The specifier is a parameter so esbuild leaves the import alone: it is a sibling output file.
const load = <T>(specifier: string): Promise<T> => import(specifier) as Promise<T>;

// Whatever escapes main.mjs's own handling (a damaged install whose sibling file is missing,
// a native module that will not load) is one line on stderr, never a stack trace.
const fatal = (error: unknown): void => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`duo-sso-setup: error: ${message}\nReinstall duo-sso-setup; if that does not help, report it with this line.\n`);
  process.exit(1);
};

if (only === '--version' || only === '-V') {
  if (!fromSource) process.stdout.write(`${__VERSION__}\n`);
  else void load<typeof import('./platform/self.js')>('./platform/self.ts').then((m) => process.stdout.write(`${m.TOOL_VERSION}\n`), fatal);
} else if ((only === '--help' || only === '-h') && typeof __ROOT_HELP__ === 'string') {
  // Rendered by commander at build time (scripts/build.mjs), unwrapped, and wrapped here as
  // main.ts wraps every help: the same text.
  process.stdout.write(wrapText(__ROOT_HELP__, helpWidth(process.env, process.stdout)));
} else if (args[0] === 'credential-process' && !args.includes('--help') && !args.includes('-h')) {
  // The AWS CLI runs this before every call (credential_process in ~/.aws/config): it must
  // cost at most 2x a bare `node -e 0`, so it skips commander and the ES-module loader: a
  // CommonJS bundle of its own (scripts/build.mjs), required by a variable name so that
  // esbuild leaves it a sibling file. Its --help is commander's, like every other command's.
  // Ctrl-C or SIGTERM must stop the gpg it started (in a process group of its own).
  installInterruptHandlers('duo-sso-setup');
  type Module = typeof import('./credentials/credential-process.js');
  const file = './credential-process.cjs';
  void (fromSource ? load<Module>('./credentials/credential-process.ts') : Promise.resolve().then(() => require(file) as Module))
    .then((m) => m.run(args.slice(1)))
    .then((code) => {
      // Stopped by a signal: the store read we cut short is not the outcome, the signal is.
      const signal = interrupted();
      if (signal) process.stderr.write(`${summaryLine('duo-sso-setup', signal)}\n`);
      exitAfterFlush(signal ? exitCodeFor(signal) : code);
    }, fatal);
} else if (args[0] === '__complete') {
  // The shell completion scripts run this on every TAB: its own CommonJS bundle, no parser.
  const file = './completion.cjs';
  process.exitCode = (require(file) as typeof import('./completion/run-complete.js')).run(args.slice(1));
} else {
  installInterruptHandlers('duo-sso-setup');
  void load<typeof import('./main.js')>(fromSource ? './main.ts' : './main.mjs').then((m) => m.run(process.argv)).catch(fatal);
}
