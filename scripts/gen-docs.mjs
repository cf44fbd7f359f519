// Writes the documents generated from data: docs/troubleshooting.md from the knowledge
// base (src/knowledge). `--check` only compares, and exits 1 when the file is stale.
// The TypeScript renderer is bundled on the fly with esbuild, so no build is needed first.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
const check = process.argv.includes('--check');
const temp = await mkdtemp(join(tmpdir(), 'duo-sso-setup-docs-'));
try {
  const outfile = join(temp, 'render.mjs');
  await build({
    entryPoints: [new URL('src/knowledge/render-doc.ts', root).pathname],
    outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
    // Bundled CommonJS dependencies require() Node built-ins (as in scripts/build.mjs).
    banner: { js: "import { createRequire as __duoCreateRequire } from 'node:module'; const require = __duoCreateRequire(import.meta.url);" },
  });
  const { renderTroubleshootingDoc } = await import(pathToFileURL(outfile).href);
  const target = new URL('docs/troubleshooting.md', root);
  const wanted = renderTroubleshootingDoc();
  const current = await readFile(target, 'utf8').catch(() => '');
  if (check) {
    if (current !== wanted) {
      process.stderr.write('docs/troubleshooting.md is out of date: run `node scripts/gen-docs.mjs`\n');
      process.exitCode = 1;
    }
  } else if (current !== wanted) {
    await writeFile(target, wanted);
    process.stderr.write('wrote docs/troubleshooting.md\n');
  }
} finally {
  await rm(temp, { recursive: true, force: true });
}
