// Responses other projects wrote, most of which no rule here was written against
// (../shared/corpus/saml: AWS responses from Okta, OneLogin, ADFS, Google Workspace, CAS and
// Entra ID tooling, and python3-saml's non-AWS ones): each is read or refused as its XML says
// (test/fixtures/saml/corpus-expected.ts, written from reading the files). The figure it logs
// is the issue 18 measure: `npx vitest run test/unit/saml-corpus.test.ts`.
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/saml/inspect.js';
import { CORPUS_EXPECTED } from '../fixtures/saml/corpus-expected.js';
import { corpusPath, missingCorpus } from '../support/corpus.js';
import { judgeCorpus, summary } from '../support/saml-corpus.js';

const ROOT = corpusPath('saml');

describe.skipIf(!ROOT)(`SAML responses from the shared corpus${missingCorpus('saml')}`, () => {
  const verdicts = ROOT ? judgeCorpus(inspect, ROOT) : [];

  it.each(verdicts.map((v) => [v.path, v] as const))('%s', (_path, verdict) => {
    expect(verdict.differences).toEqual([]);
  });

  it('has an expectation for every file and a file for every expectation', () => {
    process.stdout.write(`saml corpus: ${summary(verdicts)}\n`);
    expect(verdicts.map((v) => v.path)).toEqual(Object.keys(CORPUS_EXPECTED).sort());
    expect(verdicts.filter((v) => !v.seen).length).toBeGreaterThanOrEqual(50);
  });
});
