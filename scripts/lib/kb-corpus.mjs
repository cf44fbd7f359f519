// The generalisation corpus (test/fixtures/knowledge/threads.json) and its split, shared by
// scripts/kb-measure.mjs and the unit test that guards it. The split is by tracker (the
// GitHub repository a thread is in), fixed before any entry was tuned on the corpus: held out
// when the first byte of sha256("owner/repo") is odd, unless entries were written from that
// tracker (cited in phrasings.ts or sources.ts), or a message was looked at and moved.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export async function loadCorpus(root) {
  const read = (f) => readFile(new URL(`test/fixtures/knowledge/${f}`, root), 'utf8');
  const corpus = JSON.parse(await read('threads.json'));
  const cited = (await Promise.all([read('phrasings.ts'), read('sources.ts')])).join('\n');
  const writtenFrom = new Set([...cited.matchAll(/github\.com\/([\w.-]+\/[\w.-]+)\//g)].map((m) => m[1].toLowerCase()));
  const moved = new Set(corpus.moved ?? []);
  const part = (item) => {
    const t = item.tracker.toLowerCase();
    const held = !writtenFrom.has(t) && !moved.has(item.url) && createHash('sha256').update(t).digest()[0] % 2 === 1;
    return held ? 'held-out' : 'development';
  };
  return { messages: corpus.messages, part };
}

/** The answer troubleshoot gives (every diagnosis), and whether it holds the thread's confirmed fix. */
export function score(diagnose, item) {
  const found = diagnose(item.text);
  const answer = found.map((d) => [d.id, d.title, d.explanation, d.fix.description, ...d.fix.commands.map((c) => c.join(' '))].join('\n')).join('\n');
  return { found: found.map((d) => d.id), recognised: found.length > 0, fixed: found.length > 0 && item.answer.every((re) => new RegExp(re, 'i').test(answer)) };
}
