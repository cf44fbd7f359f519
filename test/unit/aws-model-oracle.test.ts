// The model against botocore itself, on the third-party corpus and on our own edge cases:
// every file read as ~/.aws/config and as ~/.aws/credentials must give the same view.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { botocoreViews, modelView, oracleAvailable, type FilePair } from '../support/botocore-oracle.js';
import { CORPUS_DIR, CORPUS_MISSING, corpusFiles } from '../support/aws-corpus.js';
import { EDGE_CASES } from '../support/aws-edge-cases.js';

describe.skipIf(!oracleAvailable())('the model sees what botocore sees', () => {
  const disagreements = (named: { name: string; pair: FilePair }[]) => {
    const oracle = botocoreViews(named.map((n) => n.pair));
    return named.flatMap((n, i) => {
      const model = modelView(n.pair);
      return isDeepStrictEqual(model, oracle[i]) ? [] : [{ name: n.name, model, botocore: oracle[i] }];
    });
  };

  it.skipIf(!CORPUS_DIR)(`on every corpus file, as config and as credentials${CORPUS_MISSING}`, () => {
    const named = corpusFiles().flatMap((f) => [
      { name: `${f.name} as config`, pair: { config: f.bytes } },
      { name: `${f.name} as credentials`, pair: { credentials: f.bytes } },
    ]);
    expect(disagreements(named)).toEqual([]);
    expect(named.length).toBeGreaterThan(150);
  });

  it('on every edge case', () => {
    expect(disagreements(EDGE_CASES.map((e) => ({ name: e.name, pair: e.pair })))).toEqual([]);
    expect(EDGE_CASES.length).toBeGreaterThan(0);
  });
});
