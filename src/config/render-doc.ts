// The findings section of docs/config.md, generated from the catalogue so the docs list
// exactly what `config validate` and the doctor report (a unit test keeps them in step).
import { CATALOGUE, type CatalogueEntry } from './findings.js';

export const FINDINGS_START = '<!-- findings:start (generated from src/config/findings.ts) -->';
export const FINDINGS_END = '<!-- findings:end -->';

export function renderFindingsSection(): string {
  const rows = Object.entries(CATALOGUE as Record<string, CatalogueEntry>).map(([id, e]) =>
    `| \`${id}\` | ${e.severity} | \`${e.check}\` | ${e.title}. ${e.why} | ${e.fix} | ${e.automatic ? 'yes' : 'no'} |`);
  return [
    FINDINGS_START,
    '| id | severity | doctor check | what and why | fix | automatic |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    FINDINGS_END,
  ].join('\n');
}

/** `doc` with its findings section replaced by the current one. */
export function withFindingsSection(doc: string): string {
  const start = doc.indexOf(FINDINGS_START);
  const end = doc.indexOf(FINDINGS_END);
  if (start < 0 || end < start) return doc;
  return doc.slice(0, start) + renderFindingsSection() + doc.slice(end + FINDINGS_END.length);
}
