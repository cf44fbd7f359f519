// The third-party corpus of ~/.aws files (test/fixtures/aws-files/, origins in its README):
// every file as bytes, named by its path under that folder.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'aws-files');

export interface CorpusFile {
  name: string;
  bytes: Buffer;
}

/** Every INI file of the corpus (the aws-sdk-go `*_expected` JSON answers and the README are not INI files). */
export function corpusFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const dir of readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(CORPUS_DIR, dir)).sort()) {
      if (f.endsWith('_expected')) continue;
      out.push({ name: `${dir}/${f}`, bytes: readFileSync(join(CORPUS_DIR, dir, f)) });
    }
  }
  return out;
}
