// Bundles src/cli.ts into dist/cli.js. Each command's work lives behind a dynamic
// import, so esbuild splits it into its own chunk and `--version`/`--help` never load it.
import { build } from 'esbuild';
import { readFile, rm, chmod } from 'node:fs/promises';

// --outdir lets parallel work build side by side (dist-NAME/, gitignored); tests read
// DUO_SSO_SETUP_TEST_CLI to pick which build they run.
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex > 0 ? process.argv[outIndex + 1] : 'dist';
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
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
await chmod(`${outdir}/cli.js`, 0o755);
