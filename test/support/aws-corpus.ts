// The third-party corpus of ~/.aws files (../shared/corpus/project-fixtures/aws-files/, origins
// in its README): every file as bytes, named by its path under that folder; none where absent.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath, missingCorpus } from './corpus.js';

export const CORPUS_DIR = corpusPath('project-fixtures', 'aws-files');
/** '' where the corpus is present, else the skip reason naming the missing folder. */
export const CORPUS_MISSING = missingCorpus('project-fixtures', 'aws-files');

export interface CorpusFile {
  name: string;
  bytes: Buffer;
}

/** Every INI file of the corpus (the aws-sdk-go `*_expected` JSON answers and the README are not INI files). */
export function corpusFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  if (CORPUS_DIR === undefined) return out;
  for (const dir of readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(CORPUS_DIR, dir)).sort()) {
      if (f.endsWith('_expected')) continue;
      out.push({ name: `${dir}/${f}`, bytes: readFileSync(join(CORPUS_DIR, dir, f)) });
    }
  }
  return out;
}
