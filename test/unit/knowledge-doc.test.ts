import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { renderTroubleshootingDoc } from '../../src/knowledge/render-doc.js';
import { KNOWLEDGE } from '../../src/knowledge/index.js';

describe('docs/troubleshooting.md', () => {
  it('is the text generated from the knowledge base (run `node scripts/gen-docs.mjs` after changing an entry)', async () => {
    const committed = await readFile(new URL('../../docs/troubleshooting.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderTroubleshootingDoc());
  });

  it('has a section and a contents link for every entry, with its fix commands', () => {
    const doc = renderTroubleshootingDoc();
    for (const e of KNOWLEDGE) {
      expect(doc).toContain(`\n### ${e.id}\n`);
      expect(doc).toContain(`[\`${e.id}\`](#${e.id})`);
      expect(doc).toContain(e.example);
    }
    expect(doc).toContain("\n```sh\nduo-sso-setup login --profile '<profile>'\n```");
    expect(doc).toContain('On macOS:\n\n```sh\nsudo sntp -sS time.apple.com\n```');
  });
});
