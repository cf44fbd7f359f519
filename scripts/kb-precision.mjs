// Measures troubleshoot's PRECISION (issue 18 item 4): how often an entry answers text that is
// not its failure. Runs diagnose over a negative corpus generated from what is installed here
// (test/support/negative-corpus.ts: success output of aws/gpg/pass/git/node/npm, a successful
// `aws --debug` call against the loopback STS, man pages, Debian changelogs, node_modules
// READMEs, unrelated Python tracebacks, system logs) and over the hand-written look-alikes
// (test/support/look-alikes.ts). Prints, per entry, the texts it answered and the rate per
// 1000 negative texts. test/unit/knowledge-precision.test.ts asserts the same sets.
//
//   node scripts/kb-precision.mjs        the figures
//   node scripts/kb-precision.mjs -v     also every hit, with its source and evidence line
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
const verbose = process.argv.includes('-v');
const temp = await mkdtemp(join(tmpdir(), 'kb-precision-'));
try {
  const outfile = join(temp, 'kb.mjs');
  await build({
    stdin: {
      contents: [
        "export { diagnose, KNOWLEDGE } from './src/knowledge/index.ts';",
        "export { buildNegativeCorpus, isSuccessSource } from './test/support/negative-corpus.ts';",
        "export { LOOK_ALIKES } from './test/support/look-alikes.ts';",
      ].join('\n'),
      resolveDir: new URL('.', root).pathname, loader: 'ts',
    },
    outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
  });
  const { diagnose, KNOWLEDGE, buildNegativeCorpus, isSuccessSource, LOOK_ALIKES } = await import(pathToFileURL(outfile).href);
  const { chunks, skipped } = await buildNegativeCorpus();
  for (const [source, why] of Object.entries(skipped)) process.stdout.write(`skipped ${source}: ${why}\n`);
  const texts = [
    ...chunks.map((c) => ({ kind: isSuccessSource(c.source) ? 'success' : 'documentation', source: c.source, text: c.text })),
    ...LOOK_ALIKES.map((l) => ({ kind: 'look-alike', source: `look-alike (not ${l.not})`, text: l.text, expected: l.expected ?? [] })),
  ];
  const byEntry = new Map();
  const counts = { success: 0, documentation: 0, 'look-alike': 0 };
  const hitTexts = { success: 0, documentation: 0, 'look-alike': 0 };
  for (const t of texts) {
    counts[t.kind]++;
    const found = diagnose(t.text).filter((d) => !(t.expected ?? []).includes(d.id));
    if (found.length > 0) hitTexts[t.kind]++;
    for (const d of found) {
      const row = byEntry.get(d.id) ?? { success: 0, documentation: 0, 'look-alike': 0, hits: [] };
      row[t.kind]++;
      row.hits.push(`${t.kind} | ${t.source} | ${d.evidence.slice(0, 140)}`);
      byEntry.set(d.id, row);
    }
  }
  const total = texts.length;
  process.stdout.write(`entries ${KNOWLEDGE.length}; negative texts ${total}: ${counts.success} success-output chunks, ${counts.documentation} documentation/log chunks, ${counts['look-alike']} look-alikes\n`);
  process.stdout.write(`texts answered (false positives or quotations): success ${hitTexts.success}, documentation ${hitTexts.documentation}, look-alike ${hitTexts['look-alike']}\n`);
  for (const [id, row] of [...byEntry].sort((a, b) => b[1].hits.length - a[1].hits.length)) {
    process.stdout.write(`${id}: ${row.hits.length} (${((1000 * row.hits.length) / total).toFixed(2)} per 1000 texts; success ${row.success}, documentation ${row.documentation}, look-alike ${row['look-alike']})\n`);
    if (verbose) for (const h of row.hits) process.stdout.write(`    ${h}\n`);
  }
} finally {
  await rm(temp, { recursive: true, force: true });
}
