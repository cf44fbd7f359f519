// Builds dist/: a tiny CommonJS bin entry (dist/cli.js) and the ES-module program
// (dist/main.mjs) whose commands esbuild splits into chunks loaded on first use.
// --outdir lets parallel work build side by side (dist-NAME/, gitignored); tests read
// DUO_SSO_SETUP_TEST_CLI to pick which build they run.
import { build } from 'esbuild';
import { readFile, rm, chmod, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';

const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex > 0 ? process.argv[outIndex + 1] : 'dist';
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(outdir, { recursive: true, force: true });

// ES-module entries the bin entry loads by name (`load('main')` in src/cli.ts).
const esmEntries = { main: 'src/main.ts' };

await build({
  entryPoints: esmEntries,
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer ESM builds: jsonc-parser's UMD main require()s files the bundle does not have.
  mainFields: ['module', 'main'],
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Native addon: must be resolved from node_modules at run time, never bundled.
  external: ['@napi-rs/keyring'],
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Bundled CommonJS packages (enquirer, the AWS SDK) call require() for Node built-ins.
  banner: { js: "import { createRequire as __duoCreateRequire } from 'node:module'; const require = __duoCreateRequire(import.meta.url);" },
  legalComments: 'none',
  minifySyntax: true,
  logLevel: 'warning',
});
// credential_process runs before every AWS CLI call (at most 2x a bare `node -e 0`).
// A fast path of the bin entry: one CommonJS file that cli.js require()s by name, so that
// path never starts the ES-module loader or loads the argument parser.
const fastPath = (entry, name) => build({
  entryPoints: [entry],
  outfile: `${outdir}/${name}.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['@napi-rs/keyring'],
  minifySyntax: true,
  logLevel: 'warning',
});
await fastPath('src/credentials/credential-process.ts', 'credential-process');
// Renewal (credential-process with credentials about to expire): required by the file above
// only then, so valid keys never load it.
await fastPath('src/credentials/renew.ts', 'renew');
// Shell completion runs on every TAB.
await fastPath('src/completion/run-complete.ts', 'completion');
// dist/*.js are CommonJS (the bin entry); the program is .mjs.
await writeFile(`${outdir}/package.json`, `${JSON.stringify({ type: 'commonjs' })}\n`);

const entry = (rootHelp) => build({
  entryPoints: ['src/cli.ts'],
  outfile: `${outdir}/cli.js`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { __VERSION__: JSON.stringify(pkg.version), __ROOT_HELP__: rootHelp === undefined ? 'undefined' : JSON.stringify(rootHelp) },
  minifySyntax: true,
  logLevel: 'warning',
});
// Two passes: the first entry renders the top-level help with commander, the second embeds
// that text so `--help` needs no argument parser at run time.
await entry(undefined);
// Unwrapped (COLUMNS as wide as main.ts's HELP_UNWRAPPED): cli.ts wraps it to the terminal at run time.
const help = spawnSync(process.execPath, [`${outdir}/cli.js`, '--help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '100000' } });
if (help.status !== 0 || !help.stdout.includes('Usage:')) throw new Error(`could not render --help: ${help.stderr}`);
await entry(help.stdout);
// What completion knows, from commander's own command tree (so it cannot drift from the flags).
const spec = spawnSync(process.execPath, [`${outdir}/cli.js`, 'completion', '--spec'], { encoding: 'utf8' });
if (spec.status !== 0) throw new Error(`could not write the completion spec: ${spec.stderr}`);
await writeFile(`${outdir}/completion-spec.json`, spec.stdout);
await chmod(`${outdir}/cli.js`, 0o755);
