// The model against botocore itself, on the third-party corpus and on our own edge cases:
// every file read as ~/.aws/config and as ~/.aws/credentials must give the same view.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { botocoreViews, modelView, oracleAvailable, type FilePair } from '../support/botocore-oracle.js';
import { corpusFiles } from '../support/aws-corpus.js';
import { EDGE_CASES } from '../support/aws-edge-cases.js';

describe.skipIf(!oracleAvailable())('the model sees what botocore sees', () => {
  it('on every corpus file, as config and as credentials, and on every edge case', () => {
    const named: { name: string; pair: FilePair }[] = [];
    for (const f of corpusFiles()) {
      named.push({ name: `${f.name} as config`, pair: { config: f.bytes } });
      named.push({ name: `${f.name} as credentials`, pair: { credentials: f.bytes } });
    }
    for (const e of EDGE_CASES) named.push({ name: e.name, pair: e.pair });
    const oracle = botocoreViews(named.map((n) => n.pair));
    const disagreements = named.flatMap((n, i) => {
      const model = modelView(n.pair);
      return isDeepStrictEqual(model, oracle[i]) ? [] : [{ name: n.name, model, botocore: oracle[i] }];
    });
    expect(disagreements).toEqual([]);
    expect(named.length).toBeGreaterThan(150);
  });
});
