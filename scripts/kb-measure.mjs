// Measures how well troubleshoot generalises, over real messages quoted in public issue threads
// (test/fixtures/knowledge/threads.json: each with its thread's URL, the fix that thread
// confirmed, and patterns the answer must contain for that fix). The corpus is split BY TRACKER
// into a development part, which entries may be written and tuned against, and a held-out part,
// which they may not (scripts/lib/kb-corpus.mjs has the rule).
//
//   node scripts/kb-measure.mjs            both figures
//   node scripts/kb-measure.mjs --dev -v   the development misses, with the answers given
//   node scripts/kb-measure.mjs --record   also writes test/fixtures/knowledge/answered.json: the
//                                          development messages answered now, which the corpus
//                                          test then requires to stay answered (a ratchet: fresh
//                                          development material may arrive unanswered, knowledge
//                                          once shown may not be lost)
// Held-out misses are never printed: looking at one makes it a development item (list its URL
// under "moved" in threads.json, and say so).
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus, score } from './lib/kb-corpus.mjs';

const root = new URL('..', import.meta.url);
const verbose = process.argv.includes('-v');
const devOnly = process.argv.includes('--dev');
const record = process.argv.includes('--record');

const { messages, part } = await loadCorpus(root);
const temp = await mkdtemp(join(tmpdir(), 'kb-measure-'));
try {
  const outfile = join(temp, 'kb.mjs');
  await build({
    stdin: { contents: "export { diagnose } from './src/knowledge/index.ts';", resolveDir: new URL('.', root).pathname, loader: 'ts' },
    outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
  });
  const { diagnose } = await import(pathToFileURL(outfile).href);
  const parts = { development: [], 'held-out': [] };
  for (const item of messages) parts[part(item)].push({ item, ...score(diagnose, item) });
  for (const [name, rows] of Object.entries(parts)) {
    if (devOnly && name !== 'development') continue;
    const trackers = new Set(rows.map((r) => r.item.tracker)).size;
    const fixed = rows.filter((r) => r.fixed).length;
    const recognised = rows.filter((r) => r.recognised).length;
    const pct = (n) => (rows.length ? ((100 * n) / rows.length).toFixed(1) : '0.0');
    process.stdout.write(`${name}: ${rows.length} messages from ${trackers} trackers; recognised ${recognised} (${pct(recognised)} %); with the thread's confirmed fix in the answer ${fixed} (${pct(fixed)} %)\n`);
    if (verbose && name === 'development') {
      for (const r of rows.filter((x) => !x.fixed)) process.stdout.write(`  miss ${r.item.url}\n    text: ${r.item.text.split('\n')[0].slice(0, 160)}\n    fix: ${r.item.fix}\n    got: ${r.found.join(', ') || 'nothing'}\n`);
    }
    if (record && name === 'development') {
      const answered = rows.filter((r) => r.fixed).map((r) => r.item.url).sort();
      const about = 'The development messages of threads.json that troubleshoot answers with the confirmed fix, as recorded by `node scripts/kb-measure.mjs --record`; test/unit/knowledge-corpus.test.ts requires each to stay answered.';
      await writeFile(new URL('test/fixtures/knowledge/answered.json', root), `${JSON.stringify({ about, development: answered }, null, 1)}\n`);
      process.stdout.write(`recorded ${answered.length} answered development messages in test/fixtures/knowledge/answered.json\n`);
    }
  }
} finally {
  await rm(temp, { recursive: true, force: true });
}
