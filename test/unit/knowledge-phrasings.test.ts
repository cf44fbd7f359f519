// Every knowledge-base entry recognises at least three real phrasings of its failure, printed
// by different programs (Go, botocore/AWS CLI, the JS SDK, Homebrew, gpg, libsecret, zbus...).
// The texts are copied from where they were found: test/fixtures/knowledge/README.md.
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE, diagnose, type DiagnosisFacts } from '../../src/knowledge/index.js';
import phrasings from '../fixtures/knowledge/phrasings.js';
import fromSources from '../fixtures/knowledge/sources.js';

interface Phrasing {
  id: string;
  source: string;
  origin: string;
  text: string;
  facts?: DiagnosisFacts;
  /** A secret the message carries: it must not come back anywhere in the diagnosis. */
  secret?: string;
}

const PHRASINGS: readonly Phrasing[] = [...phrasings, ...fromSources];

describe('real phrasings (test/fixtures/knowledge)', () => {
  it.each(PHRASINGS.map((p) => [p.id, p.source, p] as const))('%s recognises %s', (id, _source, p) => {
    const found = diagnose(p.text);
    expect(found.map((d) => d.id)).toEqual([id]);
    if (p.facts) expect(found[0]!.facts).toMatchObject(p.facts);
    if (p.secret) expect(JSON.stringify(found)).not.toContain(p.secret);
  });

  it('has at least three phrasings from three different sources for every entry', () => {
    const thin = KNOWLEDGE.map((e) => {
      const mine = PHRASINGS.filter((p) => p.id === e.id);
      return { id: e.id, phrasings: mine.length, sources: new Set(mine.map((p) => p.source)).size };
    }).filter((c) => c.phrasings < 3 || c.sources < 3);
    expect(thin).toEqual([]);
  });

  it('names an origin for every phrasing and only known entries', () => {
    const ids = new Set(KNOWLEDGE.map((e) => e.id));
    for (const p of PHRASINGS) {
      expect(ids.has(p.id), p.id).toBe(true);
      expect(p.origin.length, p.text).toBeGreaterThan(10);
    }
  });
});
