// Third-party test data is not part of this project: it lives beside the checkout in
// ../shared/corpus (origins in its folders). A test that needs it asks for its path and skips,
// naming the missing folder, where the corpus is absent:
//
//   const DIR = corpusPath('project-fixtures', 'saml');
//   describe.skipIf(!DIR)(`third-party SAML${missingCorpus('project-fixtures', 'saml')}`, () => …);
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/corpus from the checkout; DUO_SSO_SETUP_TEST_CORPUS points elsewhere (or nowhere, to check the skips). */
export const CORPUS_ROOT = process.env.DUO_SSO_SETUP_TEST_CORPUS
  ? resolve(process.env.DUO_SSO_SETUP_TEST_CORPUS)
  : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus');

/** The path of a file or folder of ../shared/corpus, or undefined where it is absent. */
export function corpusPath(...parts: string[]): string | undefined {
  const path = join(CORPUS_ROOT, ...parts);
  return existsSync(path) ? path : undefined;
}

/** '' where the corpus path exists; otherwise the skip reason, to append to a describe title. */
export function missingCorpus(...parts: string[]): string {
  return corpusPath(...parts) ? '' : ` (skipped: ../shared/corpus/${parts.join('/')} is absent; third-party test data lives there, not in this repository)`;
}
