import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { CATALOGUE } from '../../src/config/findings.js';
import { DEFAULTS } from '../../src/config/model.js';
import { withFindingsSection } from '../../src/config/render-doc.js';

const DOC = new URL('../../docs/config.md', import.meta.url);

describe('docs/config.md', () => {
  it('has the findings table generated from the catalogue (UPDATE_DOCS=1 rewrites it)', async () => {
    const doc = await readFile(DOC, 'utf8');
    const wanted = withFindingsSection(doc);
    if (process.env.UPDATE_DOCS === '1' && wanted !== doc) await writeFile(DOC, wanted);
    else expect(doc).toBe(wanted);
    for (const id of Object.keys(CATALOGUE)) expect(doc).toContain(`| \`${id}\` |`);
  });

  it('documents every key', async () => {
    const doc = await readFile(DOC, 'utf8');
    for (const key of [...Object.keys(DEFAULTS), 'profiles', 'aws_account_id', 'aws_role_name']) expect(doc).toMatch(new RegExp(`^\\| \`(profiles\\.NAME\\.)?${key}\` \\|`, 'm'));
  });
});
